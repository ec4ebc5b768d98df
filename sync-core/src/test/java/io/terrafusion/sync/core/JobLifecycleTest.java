package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final List<JobState> saved = new ArrayList<>();
  private final StateStore state = new RecordingStateStore(new InMemoryStateStore(), saved);
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  private SyncEngineBuilder builder() {
    source.put(ITEMS, 1L, "a", 1L);
    return SyncEngine.builder().source(source).target(target).stateStore(state);
  }

  @Test
  void startReturnsAQueuedJobBeforeItRuns() {
    try (SyncEngine engine = builder().executor(tasks::add).build()) {
      SyncJob job = engine.start(SyncRequest.full());
      assertThat(job.status().state()).isEqualTo(JobState.QUEUED);
      assertThat(job.result()).isNotDone();
      assertThat(engine.job(job.id())).containsSame(job);
      tasks.remove().run();
      assertThat(job.result().join().state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.status().state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(job.status().tables()).extracting(t -> t.table()).containsExactly(ITEMS);
    }
  }

  @Test
  void everyTransitionIsSavedToTheStateStore() {
    try (SyncEngine engine = builder().executor(Runnable::run).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(saved).startsWith(JobState.QUEUED, JobState.RUNNING).endsWith(JobState.SUCCEEDED);
      assertThat(state.job(report.jobId()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }
  }

  @Test
  void runReturnsTheReportOnSuccess() {
    try (SyncEngine engine = builder().build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(report.inserted()).isEqualTo(1);
    }
  }

  @Test
  void runThrowsCarryingTheReportOnFailure() {
    try (SyncEngine engine = builder().build()) {
      JobFailedException e =
          catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full(TableId.of("x"))));
      assertThat(e.report().state()).isEqualTo(JobState.FAILED);
      assertThat(engine.job(e.report().jobId()).orElseThrow().status().failure()).contains("x");
    }
  }

  @Test
  void startReportsFailureThroughTheHandleNotByThrowing() {
    try (SyncEngine engine = builder().executor(Runnable::run).build()) {
      SyncJob job = engine.start(SyncRequest.full(TableId.of("x")));
      assertThat(job.result().join().state()).isEqualTo(JobState.FAILED);
      assertThat(job.cancel()).isFalse();
    }
  }

  @Test
  void incrementalWithoutDetectorRunsTheHashDiffDetector() {
    try (SyncEngine engine = builder().executor(Runnable::run).build()) {
      SyncReport report = engine.run(SyncRequest.incremental());
      assertThat(report.inserted()).isEqualTo(1);
      assertThat(state.checkpoint(ITEMS, HashDiffDetector.NAME)).map(Checkpoint::isInitial).contains(true);
    }
  }

  @Test
  void incrementalRequestChoosingAnUnknownDetectorIsRefusedAtStart() {
    try (SyncEngine engine = builder().build()) {
      assertThatThrownBy(() -> engine.start(SyncRequest.incremental().withDetector(ITEMS, "nope")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope").hasMessageContaining(HashDiffDetector.NAME);
    }
  }

  @Test
  void closedEngineRefusesJobs() {
    SyncEngine engine = builder().build();
    engine.close();
    assertThatThrownBy(() -> engine.start(SyncRequest.full())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ownedPoolRunsJobsOnNamedDaemonThreads() throws InterruptedException {
    CountDownLatch applied = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    target.beforeApply(n -> {
      threads.add(Thread.currentThread());
      applied.countDown();
    });
    try (SyncEngine engine = builder().build()) {
      engine.start(SyncRequest.full());
      assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(threads.get(0).getName()).startsWith("terrafusion-sync-");
      assertThat(threads.get(0).isDaemon()).isTrue();
    }
  }

  @Test
  void jobsAreListedMostRecentFirst() {
    try (SyncEngine engine = builder().executor(Runnable::run).build()) {
      String first = engine.run(SyncRequest.full()).jobId();
      String second = engine.run(SyncRequest.full()).jobId();
      assertThat(state.jobs(0, 10)).extracting(JobStatus::jobId).containsExactly(second, first);
    }
  }

  @Test
  void engineBreakingCompletesTheResultExceptionally() {
    try (SyncEngine engine = builder().executor(tasks::add).auditSink(event -> {
      throw new AssertionError("broken sink");
    }).build()) {
      SyncJob job = engine.start(SyncRequest.full());
      assertThatThrownBy(() -> tasks.remove().run()).isInstanceOf(AssertionError.class);
      assertThat(job.result()).isCompletedExceptionally();
      assertThat(job.status().state()).isEqualTo(JobState.FAILED);
    }
  }
}
