package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;

/**
 * Follows jobs as they run: their start and end, each table's start and end, and the progress after
 * every applied batch. Every method does nothing by default; override those of interest.
 *
 * <p>Contract, like an audit sink's: methods are called on the engine's worker threads, concurrently
 * when tables of a job run in parallel or several jobs run at once, so implementations are
 * thread-safe. They must be fast (the sync waits for them), must not call back into the engine to
 * start or cancel jobs, and should not throw: an exception is caught and logged, and the sync goes on
 * as if the listener had returned.
 */
public interface SyncListener {

  /** A job began running. */
  default void jobStarted(String jobId, SyncRequest request) {}

  /** A table of a job began its first pass. */
  default void tableStarted(String jobId, TableId table) {}

  /** A batch of a table was applied at the target and its checkpoint saved. */
  default void batchApplied(String jobId, TableProgress progress) {}

  /** A table of a job is done. */
  default void tableFinished(String jobId, TableReport report) {}

  /**
   * A table of a job failed, with its progress up to then (phase {@link TableProgress.Phase#FAILED});
   * the job is failing, and the tables running beside it stop at their next batch boundary. The
   * reason comes with {@link #jobFinished}.
   */
  default void tableFailed(String jobId, TableProgress progress) {}

  /** A job ended, in any terminal state. */
  default void jobFinished(SyncReport report) {}
}
