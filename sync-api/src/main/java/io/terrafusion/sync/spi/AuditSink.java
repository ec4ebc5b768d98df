package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.AuditEvent;

/**
 * Receives the audit trail: every operation the engine performs and every decision it takes.
 *
 * <p>Contract: {@link #record} is called from the engine's worker threads, possibly concurrently, so
 * implementations are thread-safe. It must be fast, must not block on slow I/O without buffering,
 * and must not call back into the engine. An exception it throws is caught and logged by the engine;
 * it does not corrupt the sync.
 */
public interface AuditSink extends AutoCloseable {

  /** Records one event. */
  void record(AuditEvent event);

  /** Makes every event recorded so far durable; called when a batch commits and when a job ends. */
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
