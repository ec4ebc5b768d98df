package io.terrafusion.sync.spi;

/**
 * The records of a batch's row events that an {@link AuditSink} writes in the batch's transaction
 * ({@link AuditSink#joinTransaction}). The engine runs {@link #write} through the target, as often as
 * the target retries the batch, and then calls exactly one of {@link #committed()} and {@link
 * #rolledBack()}, once, from the thread that joined.
 *
 * <p>Implementations must not throw from {@link #committed()} or {@link #rolledBack()}: the batch's
 * fate is already decided when they are called.
 */
public interface JoinedAuditWrite extends TransactionalWrite {

  /** The batch committed: the records are durable and the sink must not write them again. */
  void committed();

  /**
   * The batch did not commit (or the target could not tell): the sink forgets the records, so that
   * its chain goes on as if they had never been made. If the transaction did commit after all, a
   * sink that can tell (by reading its store) keeps them instead.
   */
  void rolledBack();
}
