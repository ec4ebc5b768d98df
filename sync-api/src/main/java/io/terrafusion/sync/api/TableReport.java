package io.terrafusion.sync.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What a job did to one table.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table
 * @param target the target table
 * @param inserted rows inserted at the target
 * @param updated rows updated at the target (only rows whose content differed)
 * @param deleted rows deleted at the target
 * @param unchanged rows compared and found equal; rows in key ranges whose checksums agree at both
 *     ends are skipped uncounted
 * @param filtered rows a transformer dropped
 * @param deadLettered rows set aside in the dead-letter store
 * @param conflicts conflicts detected
 * @param elapsed the time spent on this table
 */
public record TableReport(
    TableId table,
    TableId target,
    long inserted,
    long updated,
    long deleted,
    long unchanged,
    long filtered,
    long deadLettered,
    long conflicts,
    Duration elapsed) {

  /** Validates the parts. */
  public TableReport {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Rows written or deleted at the target. */
  public long changed() {
    return inserted + updated + deleted;
  }
}
