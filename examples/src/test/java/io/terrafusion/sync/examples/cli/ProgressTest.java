package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
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
          List.of(OWNERS), null);
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
        .startsWith("progress: 1/4 tables done (owners), 4 rows changed, ");
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
