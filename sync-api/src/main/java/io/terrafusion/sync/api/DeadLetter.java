package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row the engine could not apply, kept with its reason so that no row disappears silently. Dead
 * letters can be listed, and retried once the cause is fixed.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id a unique id
 * @param jobId the job that met the row
 * @param table the target table
 * @param key the row's key
 * @param row the row as it was to be written, or null for a failed delete
 * @param reason why it was not applied
 * @param at when it was set aside
 */
public record DeadLetter(String id, String jobId, TableId table, RowKey key, @Nullable Row row, String reason, Instant at) {

  /** Validates the parts. */
  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
