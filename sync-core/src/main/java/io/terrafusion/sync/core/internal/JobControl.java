package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableReport;

/** What the orchestrator asks of and tells the job it runs. Implementations are thread-safe. */
public interface JobControl {

  /** Whether the job was asked to stop; checked at batch boundaries. */
  boolean cancelRequested();

  /** A table is done; its report joins the job's status. */
  void tableFinished(TableReport report);
}
