package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.AuditSink;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of one job: stamps events with the job id and the engine clock, masks sensitive
 * values, and hands them to every sink. Every sink is tried; when one throws, the first failure is
 * rethrown (the others suppressed) so that the batch fails before its checkpoint moves (invariant
 * 7). Sinks marked optional catch their own failures. Thread-safe as far as the sinks are.
 */
final class AuditTrail {
  private final List<AuditSink> sinks;
  private final String jobId;
  private final Clock clock;
  private final Redactor redactor;

  AuditTrail(List<AuditSink> sinks, String jobId, Clock clock, Redactor redactor) {
    this.sinks = sinks;
    this.jobId = jobId;
    this.clock = clock;
    this.redactor = redactor;
  }

  void job(AuditEventType type, Map<String, String> details) {
    record(AuditEvent.ofJob(jobId, clock.instant(), type, details));
  }

  void table(AuditEventType type, TableId table, Map<String, String> details) {
    record(new AuditEvent(jobId, -1, clock.instant(), type, table, null, null, null, details));
  }

  void row(long batch, AuditEventType type, TableId table, RowKey key, @Nullable Row before, @Nullable Row after,
      Map<String, String> details) {
    record(AuditEvent.ofRow(jobId, batch, clock.instant(), type, table, key, before, after, details));
  }

  /** Makes every sink's records durable. */
  void flush() {
    each(AuditSink::flush, "flush the audit records");
  }

  /** A reason the engine stores or logs about a row, with the row's sensitive values masked. */
  String redact(TableId table, @Nullable Row row, String reason) {
    return redactor.text(table, row, reason);
  }

  private void record(AuditEvent event) {
    AuditEvent redacted = redactor.apply(event);
    each(sink -> sink.record(redacted), "record the audit event " + event.type());
  }

  private void each(Consumer<AuditSink> action, String what) {
    AuditFailedException failure = null;
    for (AuditSink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = new AuditFailedException("a required audit sink (" + sink.getClass().getName()
              + ") failed to " + what + " of job " + jobId, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
