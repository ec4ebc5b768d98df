package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.AuditRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable storage of one tamper-evident audit chain, such as a database table. The engine's chaining
 * sink ({@code AuditSinks.chained} in sync-core) hashes and numbers the events; a store only keeps
 * the records in order and gives back the last one, so that the chain goes on across restarts.
 *
 * <p>Implementations are thread-safe. One chain has one writer at a time: two engines appending to
 * the same chain would both number from the same head.
 */
public interface AuditRecordStore extends AutoCloseable {

  /**
   * The last record of the chain, or empty when the chain has none yet.
   *
   * @throws io.terrafusion.sync.api.DataAccessException (or another runtime exception) if it cannot
   *     be read
   */
  Optional<AuditRecord> last();

  /**
   * Appends the records, which continue the chain in order, all or none; they are durable when this
   * returns.
   *
   * @throws RuntimeException if they cannot be stored; then none of them is
   */
  void append(List<AuditRecord> records);

  /**
   * Up to {@code limit} records of the chain with a sequence above {@code afterSequence}, in chain
   * order; pass the last sequence of one page to get the next. Chain order is the order the events
   * were recorded in, so it is time order by the engine's clock.
   *
   * @throws IllegalArgumentException if {@code afterSequence} is negative or {@code limit} below 1
   */
  List<AuditRecord> records(long afterSequence, int limit);

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}

  /**
   * A write that appends the records, which continue the chain in order, in the transaction in which
   * {@code target} applies a batch, so that they commit or roll back with it; the default declines.
   * A store offers one only when it keeps its records in the target's database, reached through the
   * same connections.
   *
   * @param records the records to append when the write runs
   * @param target the store that will apply the batch, unwrapped
   * @return the write, or empty when this store does not share a transaction with {@code target}
   */
  default Optional<TransactionalWrite> appendWrite(List<AuditRecord> records, TargetStore target) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(target, "target");
    return Optional.empty();
  }
}
