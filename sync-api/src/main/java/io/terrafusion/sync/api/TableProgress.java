package io.terrafusion.sync.api;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far a job has come with one table: rows read and what became of them, the rate, and an
 * estimate of the time left.
 *
 * <p>Rows read are the rows the change detector delivered; a full job that compares checksums skips
 * segments that agree at both ends without reading them, so it may end before {@code rowsRead}
 * reaches {@code estimatedRows}. A table whose deletes wait for the tables referring to it is read a
 * second time for those deletes; that pass does not count as read.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table
 * @param phase where the table is in the job
 * @param rowsRead rows the detector delivered so far
 * @param inserted rows inserted at the target so far
 * @param updated rows updated at the target so far
 * @param deleted rows deleted at the target so far
 * @param unchanged rows compared and found equal so far
 * @param deadLettered rows set aside in the dead-letter store so far
 * @param rowsPerSecond rows read per second since the table started, 0 before the first batch
 * @param estimatedRows the source's estimate of the rows to read, or null when it has none (always
 *     null for incremental jobs, which read only what changed)
 * @param remaining the estimated time left for this table, or null when the estimate or the rate is
 *     unknown; zero once the table is finished or failed
 */
public record TableProgress(
    TableId table,
    Phase phase,
    long rowsRead,
    long inserted,
    long updated,
    long deleted,
    long unchanged,
    long deadLettered,
    double rowsPerSecond,
    @Nullable Long estimatedRows,
    @Nullable Duration remaining) {

  /** Where a table is in its job. */
  public enum Phase {
    /** Planned, not started: waiting for the tables it references or for a free worker. */
    WAITING,
    /** Being read and written. */
    RUNNING,
    /** Done. */
    FINISHED,
    /** Stopped by its failure, which fails the job; what was applied before it stays applied. */
    FAILED
  }

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a count or the rate is negative, or the estimate is negative
   */
  public TableProgress {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(phase, "phase");
    if (rowsRead < 0 || inserted < 0 || updated < 0 || deleted < 0 || unchanged < 0 || deadLettered < 0) {
      throw new IllegalArgumentException("progress counts of " + table + " must be >= 0");
    }
    if (!(rowsPerSecond >= 0)) {
      throw new IllegalArgumentException("rowsPerSecond of " + table + " must be >= 0 but was " + rowsPerSecond);
    }
    if (estimatedRows != null && estimatedRows < 0) {
      throw new IllegalArgumentException("estimatedRows of " + table + " must be >= 0 but was " + estimatedRows);
    }
  }

  /** A table not started yet, with the source's estimate of its rows or null. */
  public static TableProgress waiting(TableId table, @Nullable Long estimatedRows) {
    return new TableProgress(table, Phase.WAITING, 0, 0, 0, 0, 0, 0, 0, estimatedRows, null);
  }

  /**
   * The progress of a started table, with the rate over {@code elapsed} and the time left from the
   * estimate; a finished or failed table has nothing left.
   *
   * @param elapsed how long the table has been running
   */
  public static TableProgress measured(TableId table, Phase phase, long rowsRead, long inserted, long updated,
      long deleted, long unchanged, long deadLettered, Duration elapsed, @Nullable Long estimatedRows) {
    double rate = Rates.perSecond(rowsRead, elapsed);
    Duration remaining = phase == Phase.FINISHED || phase == Phase.FAILED ? Duration.ZERO : Rates.remaining(estimatedRows, rowsRead, rate);
    return new TableProgress(table, phase, rowsRead, inserted, updated, deleted, unchanged, deadLettered, rate,
        estimatedRows, remaining);
  }
}
