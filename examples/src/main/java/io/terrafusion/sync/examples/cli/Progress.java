package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.TableProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a job, printing a progress line to {@code err} each time {@code interval} passes without
 * the job ending: the tables finished so far, rows read, the rate and the time left, for the job and
 * for each table running.
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

  /**
   * {@code progress: 1/4 tables done, 12,000 rows read, 2,400 rows/s, about 9 s left, 5 s elapsed; parcels
   * 8,000 of ~30,000 rows, 2,000 rows/s, 11 s left}: the job's totals, then each running table. Only
   * table names and numbers, never a URL or a message that could hold a password.
   */
  String line(JobStatus status, Duration elapsed) {
    JobProgress progress = status.progress();
    int total = progress.tables().isEmpty() ? tableCount : progress.tables().size();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "progress: %d/%d tables done, %,d rows read",
        status.tables().size(), total, progress.rowsRead()));
    if (progress.rowsPerSecond() > 0) {
      line.append(String.format(Locale.ROOT, ", %,.0f rows/s", progress.rowsPerSecond()));
    }
    if (progress.remaining() != null) {
      line.append(", about ").append(duration(progress.remaining())).append(" left");
    }
    line.append(", ").append(duration(elapsed)).append(" elapsed");
    for (TableProgress table : progress.tables()) {
      if (table.phase() == TableProgress.Phase.RUNNING) {
        line.append("; ").append(table.table()).append(String.format(Locale.ROOT, " %,d", table.rowsRead()));
        if (table.estimatedRows() != null) {
          line.append(String.format(Locale.ROOT, " of ~%,d", table.estimatedRows()));
        }
        line.append(String.format(Locale.ROOT, " rows, %,.0f rows/s", table.rowsPerSecond()));
        if (table.remaining() != null) {
          line.append(", ").append(duration(table.remaining())).append(" left");
        }
      }
    }
    return line.toString();
  }

  /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
  static String duration(Duration d) {
    long seconds = Math.max(d.toSeconds(), 0);
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
