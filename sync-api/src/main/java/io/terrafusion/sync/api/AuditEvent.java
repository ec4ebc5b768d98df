package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: an operation the engine performed or a decision it took.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param jobId the job it belongs to
 * @param batch the batch number within the table, or -1 for job- and table-level events
 * @param at when it happened, by the engine's clock
 * @param type what happened
 * @param table the table concerned, or null for job-level events
 * @param key the row concerned, or null when not about one row
 * @param before the target row before the operation, when known
 * @param after the row written, when one was written or proposed
 * @param details further facts as text, such as a reason or counts; never row values
 */
public record AuditEvent(
    String jobId,
    long batch,
    Instant at,
    AuditEventType type,
    @Nullable TableId table,
    @Nullable RowKey key,
    @Nullable Row before,
    @Nullable Row after,
    Map<String, String> details) {

  /** Validates the parts and copies the details. */
  public AuditEvent {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    details = Map.copyOf(details);
  }

  /** A job-level event. */
  public static AuditEvent ofJob(String jobId, Instant at, AuditEventType type, Map<String, String> details) {
    return new AuditEvent(jobId, -1, at, type, null, null, null, null, details);
  }

  /** A row-level event. */
  public static AuditEvent ofRow(
      String jobId,
      long batch,
      Instant at,
      AuditEventType type,
      TableId table,
      RowKey key,
      @Nullable Row before,
      @Nullable Row after,
      Map<String, String> details) {
    return new AuditEvent(jobId, batch, at, type, table, key, before, after, details);
  }
}
