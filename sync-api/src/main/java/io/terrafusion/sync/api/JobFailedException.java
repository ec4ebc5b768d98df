package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/** A job ended FAILED or CANCELLED; thrown by the blocking {@code run}. Carries the job's report. */
public final class JobFailedException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final transient SyncReport report;

  /** An exception for a job that ended without succeeding. */
  public JobFailedException(SyncReport report, @Nullable Throwable cause) {
    super("job " + report.jobId() + " " + report.state()
        + (report.failure() == null ? "" : ": " + report.failure()), null, cause);
    this.report = report;
  }

  /** The report of the job, with its state and the tables done before it stopped. */
  public SyncReport report() {
    return report;
  }
}
