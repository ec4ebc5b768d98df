package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.AuditEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives the audit trail: every operation the engine performs and every decision it takes.
 *
 * <p>Contract: {@link #record} is called from the engine's worker threads, possibly concurrently, so
 * implementations are thread-safe. It must be fast, must not block on slow I/O without buffering,
 * and must not call back into the engine. Events reach a sink already redacted: values of columns
 * marked sensitive are masked.
 *
 * <p>A sink is required by default: an exception from {@link #record} or {@link #flush} fails the
 * batch being recorded (or the job, for job-level events) before its checkpoint moves, so that no
 * applied change goes unrecorded; the sync itself is not corrupted and resumes from the last
 * checkpoint. A sink wrapped as optional ({@code AuditSinks.optional} in sync-core) has its failures
 * logged and skipped instead.
 *
 * <p>A sink that keeps its records in the target database may {@linkplain #joinTransaction join the
 * transaction} of each batch, so that a batch's row events commit or roll back with its rows.
 */
public interface AuditSink extends AutoCloseable {

  /** Records one event. */
  void record(AuditEvent event);

  /**
   * Makes every event recorded so far durable; called after each batch is applied and before its
   * checkpoint is saved, and when a job ends.
   */
  default void flush() {}

  /** Flushes and releases resources. The engine does not close sinks it was given. */
  @Override
  default void close() {
    flush();
  }

  /** The sink that discards everything. */
  static AuditSink noop() {
    return event -> {};
  }

  /**
   * Whether the engine needs this sink's records durable before a batch's checkpoint moves; true by
   * default. A sink that answers false (such as {@code AuditSinks.optional} of sync-core) must catch
   * its own failures; it never joins a batch's transaction.
   */
  default boolean required() {
    return true;
  }

  /**
   * Offers to record the row events of a batch in the transaction in which {@code target} is about
   * to apply it, so that the events are durable exactly when the batch commits. The default declines.
   *
   * <p>When this returns a write, the engine runs it in the batch's transaction (through {@link
   * TargetStore#apply(io.terrafusion.sync.api.TableSchema, WriteBatch, List)}) and then calls exactly
   * one of {@link JoinedAuditWrite#committed()} or {@link JoinedAuditWrite#rolledBack()}; it does not
   * pass these events to {@link #record}. When this returns empty, the engine records the events with
   * {@link #record} after the batch committed, as for any other sink, and none if it did not.
   *
   * <p>A sink that joins may hold back events recorded meanwhile (by other threads) until the
   * transaction ends, and may make other threads' {@link #flush} and {@code joinTransaction} wait for
   * it: one chain of records has one open transaction at a time. The thread that joined must end the
   * transaction before it flushes or joins again.
   *
   * @param events the batch's row events in order, already redacted
   * @param target the store that will apply the batch, unwrapped, so that a sink can tell whether it
   *     shares the target's database
   * @return the write, or empty when this sink does not share a transaction with {@code target}
   * @throws RuntimeException if the sink cannot prepare the write; the batch then fails before it is
   *     applied
   */
  default Optional<JoinedAuditWrite> joinTransaction(List<AuditEvent> events, TargetStore target) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(target, "target");
    return Optional.empty();
  }
}
