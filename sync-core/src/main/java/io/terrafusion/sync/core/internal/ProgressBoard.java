package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableProgress.Phase;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.spi.SourceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the progress of one job's tables and publishes it to the job (for its status) and to the
 * listeners. Thread-safe: tables running in parallel call it at once, each about its own table, whose
 * counts only its own thread changes.
 */
final class ProgressBoard {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressBoard.class);

  private final String jobId;
  private final Clock clock;
  private final JobControl control;
  private final Listeners listeners;
  private final Map<TableId, Long> estimates = new ConcurrentHashMap<>();
  private final Map<TableId, Instant> started = new ConcurrentHashMap<>();

  ProgressBoard(String jobId, Clock clock, JobControl control, Listeners listeners) {
    this.jobId = jobId;
    this.clock = clock;
    this.control = control;
    this.listeners = listeners;
  }

  /**
   * Publishes every planned table as waiting, with the source's estimate of its rows when asked for
   * one (a full job reads every row; an incremental job's reads have no estimate).
   */
  void planned(List<TablePlan> tables, SourceStore source, boolean estimate) {
    for (TablePlan table : tables) {
      Long rows = estimate ? estimate(source, table) : null;
      if (rows != null) {
        estimates.put(table.sourceId(), rows);
      }
      control.progress(TableProgress.waiting(table.sourceId(), rows));
    }
  }

  void started(TablePlan table) {
    started.put(table.sourceId(), clock.instant());
    listeners.tableStarted(jobId, table.sourceId());
    control.progress(snapshot(table, Phase.RUNNING, new TableCounts()));
  }

  void batchApplied(TablePlan table, TableCounts counts) {
    TableProgress progress = snapshot(table, Phase.RUNNING, counts);
    control.progress(progress);
    listeners.batchApplied(jobId, progress);
  }

  void finished(TablePlan table, TableCounts counts, TableReport report) {
    control.progress(snapshot(table, Phase.FINISHED, counts));
    listeners.tableFinished(jobId, report);
  }

  void failed(TablePlan table, TableCounts counts) {
    TableProgress progress = snapshot(table, Phase.FAILED, counts);
    control.progress(progress);
    listeners.tableFailed(jobId, progress);
  }

  private TableProgress snapshot(TablePlan table, Phase phase, TableCounts counts) {
    Instant now = clock.instant();
    Duration elapsed = Duration.between(started.getOrDefault(table.sourceId(), now), now);
    return TableProgress.measured(table.sourceId(), phase, counts.read, counts.inserted, counts.updated,
        counts.deleted, counts.unchanged, counts.deadLettered, elapsed, estimates.get(table.sourceId()));
  }

  /** The store's estimate; a store that fails to give one only costs the estimate, never the job. */
  private @Nullable Long estimate(SourceStore source, TablePlan table) {
    try {
      var rows = source.estimatedRowCount(table.source());
      return rows.isPresent() ? Math.max(rows.getAsLong(), 0) : null;
    } catch (RuntimeException e) {
      LOG.warn("job {}: no row estimate for table {} from {}", jobId, table.sourceId(), source.name(), e);
      return null;
    }
  }
}
