package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.ChangeBatch;
import java.util.Iterator;

/**
 * The batches of one detection run, in order. Used by one thread at a time; closing it releases
 * whatever the detector holds open.
 */
public interface ChangeStream extends Iterator<ChangeBatch>, AutoCloseable {

  /**
   * Tells the detector that a batch it yielded is durable at the target and its checkpoint saved.
   * The engine calls it once per batch, in order, from the thread that consumes the stream (which
   * may differ from the one calling {@link #next()}, as the engine reads ahead). A detector that
   * keeps a queue at the source (a change table) removes the batch's entries here; the default does
   * nothing.
   *
   * @throws io.terrafusion.sync.api.DataAccessException if the source cannot be written; the batch
   *     stays applied and its entries are read again by a later run, which re-applies them
   *     idempotently
   */
  default void committed(ChangeBatch batch) {}

  /** Releases the run's resources; further calls to {@link #hasNext()} return false. */
  @Override
  void close();
}
