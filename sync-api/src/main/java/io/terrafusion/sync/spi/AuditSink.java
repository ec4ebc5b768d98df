package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.AuditEvent;

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
}
