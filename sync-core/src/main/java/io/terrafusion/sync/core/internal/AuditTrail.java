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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of one job: stamps events with the job id and the engine clock and hands them to
 * every sink. Each call into a sink is guarded, so a failing sink is logged and the sync goes on
 * (invariant 7). Thread-safe as far as the sinks are.
 */
final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final List<AuditSink> sinks;
  private final String jobId;
  private final Clock clock;

  AuditTrail(List<AuditSink> sinks, String jobId, Clock clock) {
    this.sinks = sinks;
    this.jobId = jobId;
    this.clock = clock;
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

  void flush() {
    for (AuditSink sink : sinks) {
      try {
        sink.flush();
      } catch (RuntimeException e) {
        LOG.warn("audit sink {} failed to flush for job {}", sink.getClass().getName(), jobId, e);
      }
    }
  }

  private void record(AuditEvent event) {
    for (AuditSink sink : sinks) {
      try {
        sink.record(event);
      } catch (RuntimeException e) {
        LOG.warn("audit sink {} failed to record {} of job {}", sink.getClass().getName(), event.type(), jobId, e);
      }
    }
  }
}
