package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A job's control as one run of it sees it: also stopped once {@link #stop()} is called, so that a
 * table that fails stops the tables running beside it at their next batch boundary. Thread-safe.
 */
final class StoppingControl implements JobControl {
  private final JobControl job;
  private final AtomicBoolean stopped = new AtomicBoolean();

  StoppingControl(JobControl job) {
    this.job = job;
  }

  void stop() {
    stopped.set(true);
  }

  @Override
  public boolean cancelRequested() {
    return stopped.get() || job.cancelRequested();
  }

  @Override
  public void tableFinished(TableReport report) {
    job.tableFinished(report);
  }

  @Override
  public void progress(TableProgress progress) {
    job.progress(progress);
  }

  @Override
  public @Nullable String stopFailure() {
    return job.stopFailure();
  }
}
