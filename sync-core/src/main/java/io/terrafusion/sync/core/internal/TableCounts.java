package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableReport;
import java.time.Duration;

/** The running counts of one table in one job. Used by one thread at a time. */
final class TableCounts {
  long inserted;
  long updated;
  long deleted;
  long unchanged;
  long filtered;
  long deadLettered;
  long conflicts;
  Duration elapsed = Duration.ZERO;
  /** Rows the detector delivered in the table's main pass (not in its deferred delete pass). */
  long read;

  TableReport toReport(TablePlan plan) {
    return new TableReport(plan.sourceId(), plan.targetId(), inserted, updated, deleted, unchanged, filtered,
        deadLettered, conflicts, elapsed);
  }
}
