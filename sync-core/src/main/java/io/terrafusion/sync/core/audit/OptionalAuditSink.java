package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.spi.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A sink whose failures are logged and skipped, so that they never fail a batch. */
final class OptionalAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(OptionalAuditSink.class);

  private final AuditSink sink;

  OptionalAuditSink(AuditSink sink) {
    this.sink = sink;
  }

  @Override
  public void record(AuditEvent event) {
    try {
      sink.record(event);
    } catch (RuntimeException e) {
      // The exception's text is the sink's own; the event's rows are never logged.
      LOG.warn("optional audit sink {} failed to record {} of job {}; skipped", sink.getClass().getName(),
          event.type(), event.jobId(), e);
    }
  }

  @Override
  public void flush() {
    try {
      sink.flush();
    } catch (RuntimeException e) {
      LOG.warn("optional audit sink {} failed to flush; skipped", sink.getClass().getName(), e);
    }
  }

  /** False: this sink's failures never hold back a checkpoint, and it never joins a batch's transaction. */
  @Override
  public boolean required() {
    return false;
  }

  @Override
  public void close() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.warn("optional audit sink {} failed to close", sink.getClass().getName(), e);
    }
  }
}
