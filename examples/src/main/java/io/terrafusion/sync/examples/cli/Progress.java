package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.TableReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Waits for a job, printing a progress line to {@code err} each time {@code interval} passes without
 * the job ending: the tables finished so far and the time elapsed.
 */
final class Progress {
  private final PrintStream err;
  private final Duration interval;
  private final int tableCount;

  Progress(PrintStream err, Duration interval, int tableCount) {
    this.err = err;
    this.interval = interval;
    this.tableCount = tableCount;
  }

  /**
   * The job's report, once it ends.
   *
   * @throws IllegalStateException if the engine itself broke, with its cause
   */
  SyncReport await(SyncJob job) {
    long start = System.nanoTime();
    while (true) {
      try {
        return job.result().get(interval.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        err.println(line(job.status(), Duration.ofNanos(System.nanoTime() - start)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        job.cancel();
        throw new IllegalStateException("interrupted while waiting for job " + job.id(), e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the engine failed running job " + job.id(), e.getCause());
      }
    }
  }

  /** {@code progress: 2/4 tables done (owners, parcels), 12 s elapsed}. */
  String line(JobStatus status, Duration elapsed) {
    String done = status.tables().stream().map(t -> t.table().toString()).collect(Collectors.joining(", "));
    long rows = status.tables().stream().mapToLong(TableReport::changed).sum();
    return String.format(Locale.ROOT, "progress: %d/%d tables done%s, %,d rows changed, %d s elapsed",
        status.tables().size(), tableCount, done.isEmpty() ? "" : " (" + done + ")", rows, elapsed.toSeconds());
  }
}
