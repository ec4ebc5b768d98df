package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableProgress.Phase;
import io.terrafusion.sync.api.TableReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final TableReport OWNERS = new TableReport(TableId.of("owners"), TableId.of("owners"), 3, 1, 0, 5, 0, 0,
      0, Duration.ofMillis(20));

  private static final JobProgress PROGRESS = JobProgress.of(List.of(
      TableProgress.measured(TableId.of("owners"), Phase.FINISHED, 9, 3, 1, 0, 5, 0, Duration.ofSeconds(1), 9L),
      TableProgress.measured(TableId.of("parcels"), Phase.RUNNING, 2000, 2000, 0, 0, 0, 0, Duration.ofSeconds(2),
          10_000L),
      TableProgress.measured(TableId.of("permits"), Phase.RUNNING, 300, 300, 0, 0, 0, 0, Duration.ofSeconds(1), null),
      TableProgress.waiting(TableId.of("zones"), null)), Duration.ofSeconds(4), false);

  /** A running job that ends when its status is first asked for, so the waiter prints exactly one line. */
  private static final class EndsWhenPolled implements SyncJob {
    private final CompletableFuture<SyncReport> result = new CompletableFuture<>();
    private final SyncReport report = new SyncReport("j1", SyncMode.FULL, JobState.SUCCEEDED, Instant.EPOCH,
        Instant.EPOCH, List.of(OWNERS), null);

    @Override
    public String id() {
      return "j1";
    }

    @Override
    public JobStatus status() {
      JobStatus running = new JobStatus("j1", JobState.RUNNING, SyncRequest.full(), Instant.EPOCH, Instant.EPOCH, null,
          List.of(OWNERS), null, PROGRESS);
      result.complete(report);
      return running;
    }

    @Override
    public CompletableFuture<SyncReport> result() {
      return result;
    }

    @Override
    public boolean cancel() {
      return false;
    }
  }

  @Test
  void printsTheFinishedTablesEachIntervalUntilTheJobEnds() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EndsWhenPolled job = new EndsWhenPolled();

    SyncReport report = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofNanos(1), 4).await(job);

    assertThat(report).isSameAs(job.report);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .startsWith("progress: 1/4 tables done, 2,309 rows read, 577 rows/s, ");
  }

  @Test
  void lineShowsTheJobThenEachRunningTableWithRateAndTimeLeft() {
    JobStatus status = new JobStatus("j1", JobState.RUNNING, SyncRequest.full(), Instant.EPOCH, Instant.EPOCH, null,
        List.of(OWNERS), null, PROGRESS);

    String line = new Progress(System.err, Duration.ofSeconds(5), 4).line(status, Duration.ofSeconds(65));

    assertThat(line).isEqualTo("progress: 1/4 tables done, 2,309 rows read, 577 rows/s, 1 min 5 s elapsed;"
        + " parcels 2,000 of ~10,000 rows, 1,000 rows/s, 8 s left; permits 300 rows, 300 rows/s");
  }

  @Test
  void durationsReadAsSecondsMinutesAndHours() {
    assertThat(Progress.duration(Duration.ofMillis(42_900))).isEqualTo("42 s");
    assertThat(Progress.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
    assertThat(Progress.duration(Duration.ofMinutes(130))).isEqualTo("2 h 10 min");
  }

  @Test
  void printsNothingForAJobThatHasEnded() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EndsWhenPolled job = new EndsWhenPolled();
    job.result.complete(job.report);

    new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(5), 4).await(job);

    assertThat(err.size()).isZero();
  }
}
