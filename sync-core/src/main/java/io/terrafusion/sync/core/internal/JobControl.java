package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import org.jspecify.annotations.Nullable;

/** What the orchestrator asks of and tells the job it runs. Implementations are thread-safe. */
public interface JobControl {

  /** Whether the job was asked to stop; checked at batch boundaries. */
  boolean cancelRequested();

  /** A table is done; its report joins the job's status. */
  void tableFinished(TableReport report);

  /** The progress of a table changed: it was planned, started, applied a batch or finished. */
  void progress(TableProgress progress);

  /**
   * Why a stop of the job is a failure rather than a cancellation (its time limit passed), or null
   * when it was asked to cancel or was not stopped.
   */
  @Nullable String stopFailure();
}
