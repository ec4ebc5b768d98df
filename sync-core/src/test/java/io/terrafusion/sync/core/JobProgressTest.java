package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SyncListener;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Live progress through the job status and the listeners. */
class JobProgressTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("target").create(Schemas.items());
  private final GatedTarget target = new GatedTarget(store);
  /** Every reading of the engine clock is a second later, so rates are finite and positive. */
  private final ManualClock clock = new ManualClock(Duration.ofSeconds(1));
  private final Recorder recorder = new Recorder();

  JobProgressTest() {
    for (long id = 1; id <= 10; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
  }

  /** The source, telling the given estimate of its rows. */
  private ForwardingTargetStore estimating(long rows) {
    return new ForwardingTargetStore(source) {
      @Override
      public OptionalLong estimatedRowCount(TableSchema table) {
        return OptionalLong.of(rows);
      }
    };
  }

  private SyncEngineBuilder builder() {
    return SyncEngine.builder().source(source).target(target).batchSize(3).clock(clock).executor(Runnable::run)
        .listener(recorder);
  }

  @Test
  void listenerHearsEveryBatchWithRisingRowsAndAPositiveRate() {
    try (SyncEngine engine = builder().build()) {
      engine.run(SyncRequest.full());
    }
    assertThat(recorder.batches).extracting(TableProgress::rowsRead).containsExactly(3L, 6L, 9L, 10L);
    assertThat(recorder.batches).extracting(TableProgress::inserted).containsExactly(3L, 6L, 9L, 10L);
    assertThat(recorder.batches).allSatisfy(p -> {
      assertThat(p.rowsPerSecond()).isPositive();
      assertThat(p.phase()).isEqualTo(TableProgress.Phase.RUNNING);
      assertThat(p.estimatedRows()).isNull();
      assertThat(p.remaining()).isNull();
    });
    assertThat(recorder.calls).containsExactly("jobStarted", "tableStarted items", "batchApplied", "batchApplied",
        "batchApplied", "batchApplied", "tableFinished items", "jobFinished SUCCEEDED");
  }

  @Test
  void remainingTimeFollowsTheSourcesEstimate() {
    try (SyncEngine engine = builder().source(estimating(12)).build()) {
      engine.run(SyncRequest.full());
    }
    TableProgress first = recorder.batches.get(0);
    assertThat(first.estimatedRows()).isEqualTo(12L);
    double expectedSeconds = (12 - 3) / first.rowsPerSecond();
    assertThat(first.remaining()).isNotNull();
    assertThat(first.remaining().toMillis()).isEqualTo((long) (expectedSeconds * 1000));
    assertThat(recorder.batches).extracting(TableProgress::remaining)
        .isSortedAccordingTo((x, y) -> y.compareTo(x));
  }

  @Test
  void incrementalJobsHaveNoEstimate() {
    try (SyncEngine engine = builder().source(estimating(12)).build()) {
      engine.run(SyncRequest.full());
      recorder.batches.clear();
      source.put(ITEMS, 11L, "n11", 11L);
      engine.run(SyncRequest.incremental());
    }
    assertThat(recorder.batches).isNotEmpty().allSatisfy(p -> {
      assertThat(p.estimatedRows()).isNull();
      assertThat(p.remaining()).isNull();
    });
  }

  @Test
  void statusShowsTheProgressOfARunningJob() {
    AtomicReference<JobProgress> seen = new AtomicReference<>();
    try (SyncEngine engine = builder().source(estimating(10)).build()) {
      target.hook(ITEMS, n -> {
        if (n == 2) {
          seen.set(engine.activeJobs().get(0).status().progress());
        }
      });
      SyncReport report = engine.run(SyncRequest.full());

      JobProgress running = seen.get();
      assertThat(running.rowsRead()).isEqualTo(3);
      assertThat(running.inserted()).isEqualTo(3);
      assertThat(running.estimatedRows()).isEqualTo(10L);
      assertThat(running.rowsPerSecond()).isPositive();
      assertThat(running.remaining()).isPositive();
      assertThat(running.tables()).singleElement().satisfies(t -> {
        assertThat(t.table()).isEqualTo(ITEMS);
        assertThat(t.phase()).isEqualTo(TableProgress.Phase.RUNNING);
      });

      JobProgress done = engine.job(report.jobId()).orElseThrow().status().progress();
      assertThat(done.rowsRead()).isEqualTo(10);
      assertThat(done.remaining()).isEqualTo(Duration.ZERO);
      assertThat(done.tables()).singleElement().extracting(TableProgress::phase)
          .isEqualTo(TableProgress.Phase.FINISHED);
    }
  }

  @Test
  void plannedTablesWaitUntilTheyStart() {
    TableId other = TableId.of("other");
    source.create(Schemas.table(other, List.of("id"), "id:BIGINT"));
    store.create(Schemas.table(other, List.of("id"), "id:BIGINT"));
    AtomicReference<JobProgress> seen = new AtomicReference<>();
    try (SyncEngine engine = builder().build()) {
      target.hook(ITEMS, n -> seen.compareAndSet(null, engine.activeJobs().get(0).status().progress()));
      source.put(other, 1L);
      engine.run(SyncRequest.full());
    }
    assertThat(seen.get().tables()).extracting(TableProgress::table, TableProgress::phase).containsExactly(
        tuple(ITEMS, TableProgress.Phase.RUNNING),
        tuple(other, TableProgress.Phase.WAITING));
  }

  @Test
  void failingListenerDoesNotBreakTheSync() {
    SyncListener failing = new SyncListener() {
      @Override
      public void jobStarted(String jobId, SyncRequest request) {
        throw new IllegalStateException("listener broke");
      }

      @Override
      public void batchApplied(String jobId, TableProgress progress) {
        throw new IllegalStateException("listener broke");
      }

      @Override
      public void tableFinished(String jobId, TableReport report) {
        throw new IllegalStateException("listener broke");
      }

      @Override
      public void jobFinished(SyncReport report) {
        throw new IllegalStateException("listener broke");
      }
    };
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(3).clock(clock)
        .executor(Runnable::run).listener(failing).listener(recorder).build()) {
      SyncReport report = engine.run(SyncRequest.full());

      assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      assertThat(recorder.batches).hasSize(4);
      assertThat(recorder.calls).last().isEqualTo("jobFinished SUCCEEDED");
    }
  }

  /** Records what it hears. */
  private static final class Recorder implements SyncListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<TableProgress> batches = new CopyOnWriteArrayList<>();

    @Override
    public void jobStarted(String jobId, SyncRequest request) {
      calls.add("jobStarted");
    }

    @Override
    public void tableStarted(String jobId, TableId table) {
      calls.add("tableStarted " + table);
    }

    @Override
    public void batchApplied(String jobId, TableProgress progress) {
      calls.add("batchApplied");
      batches.add(progress);
    }

    @Override
    public void tableFinished(String jobId, TableReport report) {
      calls.add("tableFinished " + report.table());
    }

    @Override
    public void jobFinished(SyncReport report) {
      calls.add("jobFinished " + report.state());
    }
  }
}
