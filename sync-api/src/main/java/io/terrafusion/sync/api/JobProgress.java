package io.terrafusion.sync.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far a job has come: the totals over its tables, the rate, an estimate of the time left, and the
 * progress of each table. Tables appear once the job has planned them, in the order it syncs them.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param rowsRead rows the detectors delivered, over every table
 * @param inserted rows inserted, over every table
 * @param updated rows updated, over every table
 * @param deleted rows deleted, over every table
 * @param unchanged rows found equal, over every table
 * @param deadLettered rows dead-lettered, over every table
 * @param rowsPerSecond rows read per second since the job started running, 0 before it read any
 * @param estimatedRows the sum of the tables' estimates, or null when any table has none
 * @param remaining the estimated time left, or null when the estimate or the rate is unknown; zero
 *     once the job has ended
 * @param tables the progress of each planned table
 */
public record JobProgress(
    long rowsRead,
    long inserted,
    long updated,
    long deleted,
    long unchanged,
    long deadLettered,
    double rowsPerSecond,
    @Nullable Long estimatedRows,
    @Nullable Duration remaining,
    List<TableProgress> tables) {

  /** Validates the parts and copies the tables. */
  public JobProgress {
    Objects.requireNonNull(tables, "tables");
    tables = List.copyOf(tables);
    if (!(rowsPerSecond >= 0)) {
      throw new IllegalArgumentException("rowsPerSecond must be >= 0 but was " + rowsPerSecond);
    }
  }

  /** The progress of a job that has planned nothing yet. */
  public static JobProgress none() {
    return new JobProgress(0, 0, 0, 0, 0, 0, 0, null, null, List.of());
  }

  /**
   * The totals of the given tables' progress.
   *
   * @param running how long the job has been running, for the rate
   * @param ended whether the job has ended, so that nothing remains
   */
  public static JobProgress of(List<TableProgress> tables, Duration running, boolean ended) {
    long read = 0;
    long inserted = 0;
    long updated = 0;
    long deleted = 0;
    long unchanged = 0;
    long deadLettered = 0;
    Long estimate = tables.isEmpty() ? null : 0L;
    for (TableProgress t : tables) {
      read += t.rowsRead();
      inserted += t.inserted();
      updated += t.updated();
      deleted += t.deleted();
      unchanged += t.unchanged();
      deadLettered += t.deadLettered();
      estimate = estimate == null || t.estimatedRows() == null ? null : estimate + t.estimatedRows();
    }
    double rate = Rates.perSecond(read, running);
    Duration remaining = ended ? Duration.ZERO : Rates.remaining(estimate, read, rate);
    return new JobProgress(read, inserted, updated, deleted, unchanged, deadLettered, rate, estimate, remaining,
        tables);
  }
}
