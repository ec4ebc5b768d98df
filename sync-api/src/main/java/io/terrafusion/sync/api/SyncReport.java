package io.terrafusion.sync.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a finished job.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param jobId the job's id
 * @param mode full or incremental
 * @param state the terminal state
 * @param started when it began running
 * @param finished when it ended
 * @param tables a report per table, in the order synced
 * @param failure why it failed, or null
 */
public record SyncReport(
    String jobId,
    SyncMode mode,
    JobState state,
    Instant started,
    Instant finished,
    List<TableReport> tables,
    @Nullable String failure) {

  /**
   * Validates the parts and copies the tables.
   *
   * @throws IllegalArgumentException if the state is not terminal
   */
  public SyncReport {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    tables = List.copyOf(tables);
    if (!state.isTerminal()) {
      throw new IllegalArgumentException("a report needs a terminal state but was " + state);
    }
  }

  /** The time from start to end. */
  public Duration elapsed() {
    return Duration.between(started, finished);
  }

  /** The report of one source table, if it was synced. */
  public Optional<TableReport> table(TableId table) {
    return tables.stream().filter(t -> t.table().equals(table)).findFirst();
  }

  /** Rows inserted, over every table. */
  public long inserted() {
    return tables.stream().mapToLong(TableReport::inserted).sum();
  }

  /** Rows updated, over every table. */
  public long updated() {
    return tables.stream().mapToLong(TableReport::updated).sum();
  }

  /** Rows deleted, over every table. */
  public long deleted() {
    return tables.stream().mapToLong(TableReport::deleted).sum();
  }

  /** Rows written or deleted, over every table. */
  public long changed() {
    return tables.stream().mapToLong(TableReport::changed).sum();
  }
}
