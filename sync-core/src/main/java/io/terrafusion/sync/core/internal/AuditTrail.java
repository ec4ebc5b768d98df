package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.AuditSink;
import io.terrafusion.sync.spi.JoinedAuditWrite;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    each(sinks, AuditSink::flush, "flush the audit records");
  }

  /** A reason the engine stores or logs about a row, with the row's sensitive values masked. */
  String redact(TableId table, @Nullable Row row, String reason) {
    return redactor.text(table, row, reason);
  }

  private void record(AuditEvent event) {
    AuditEvent redacted = redactor.apply(event);
    each(sinks, sink -> sink.record(redacted), "record the audit event " + event.type());
  }

  private void each(List<AuditSink> to, Consumer<AuditSink> action, String what) {
    AuditFailedException failure = null;
    for (AuditSink sink : to) {
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

  /** A row event of this job, not yet recorded: for {@link #join}. */
  AuditEvent rowEvent(long batch, AuditEventType type, TableId table, RowKey key, @Nullable Row before,
      @Nullable Row after) {
    return AuditEvent.ofRow(jobId, batch, clock.instant(), type, table, key, before, after, Map.of());
  }

  /**
   * Offers the row events of a transaction about to be applied to every sink; those that join the
   * target's transaction get them with it, the others once it committed ({@link Transaction#committed}).
   *
   * @throws AuditFailedException if a sink fails to join; the sinks that joined are rolled back
   */
  Transaction join(List<AuditEvent> events, TargetStore target) {
    List<AuditEvent> redacted = events.stream().map(redactor::apply).toList();
    List<JoinedAuditWrite> joined = new ArrayList<>();
    List<AuditSink> others = new ArrayList<>();
    for (AuditSink sink : sinks) {
      Optional<JoinedAuditWrite> write;
      try {
        write = sink.joinTransaction(redacted, target);
      } catch (RuntimeException e) {
        joined.forEach(JoinedAuditWrite::rolledBack);
        throw new AuditFailedException("a required audit sink (" + sink.getClass().getName()
            + ") failed to join the transaction of a batch of job " + jobId, e);
      }
      write.ifPresentOrElse(joined::add, () -> others.add(sink));
    }
    return new Transaction(redacted, joined, others);
  }

  /** The audit of one transaction of a batch; exactly one of its ends is called. */
  final class Transaction {
    private final List<AuditEvent> events;
    private final List<JoinedAuditWrite> joined;
    private final List<AuditSink> others;

    private Transaction(List<AuditEvent> events, List<JoinedAuditWrite> joined, List<AuditSink> others) {
      this.events = events;
      this.joined = joined;
      this.others = others;
    }

    /** The writes the target runs in the transaction. */
    List<TransactionalWrite> writes() {
      return List.copyOf(joined);
    }

    /**
     * Whether every required sink joined, so that the transaction leaves every required record of its
     * batch durable: only then may the batch's checkpoint ride along (invariant 7).
     */
    boolean coversRequired() {
      return others.stream().noneMatch(AuditSink::required);
    }

    /** The transaction committed: the sinks that joined have the events, the others record them now. */
    void committed() {
      joined.forEach(JoinedAuditWrite::committed);
      for (AuditEvent event : events) {
        each(others, sink -> sink.record(event), "record the audit event " + event.type());
      }
    }

    /** The transaction did not commit: no sink keeps its events. */
    void rolledBack() {
      joined.forEach(JoinedAuditWrite::rolledBack);
    }
  }
}
