package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class CancellationTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();
  /** Jobs wait here until the test runs them on its own thread, after it holds the handle. */
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  private SyncEngine engine() {
    for (long id = 1; id <= 10; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    return SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(3)
        .executor(tasks::add).build();
  }

  @Test
  void cancelAtABatchBoundaryKeepsAppliedBatchesAndTheirCheckpoint() {
    try (SyncEngine engine = engine()) {
      SyncJob job = engine.start(SyncRequest.full());
      target.beforeApply(n -> {
        if (n == 2) {
          job.cancel();
        }
      });
      tasks.remove().run();
      SyncReport report = job.result().join();
      assertThat(report.state()).isEqualTo(JobState.CANCELLED);
      assertThat(target.rows(ITEMS)).extracting(Row::key)
          .containsExactly(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L), RowKey.of(4L), RowKey.of(5L), RowKey.of(6L));
      Checkpoint checkpoint = state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow();
      assertThat(KeyCodec.decode(checkpoint.position())).isEqualTo(RowKey.of(6L));
    }
  }

  @Test
  void fullRunAfterCancellationResumesAndFinishesEqual() {
    try (SyncEngine engine = engine()) {
      SyncJob job = engine.start(SyncRequest.full());
      target.beforeApply(n -> job.cancel());
      tasks.remove().run();
      assertThat(job.result().join().state()).isEqualTo(JobState.CANCELLED);
      target.beforeApply(n -> {});
      int appliesBefore = target.applies();

      SyncJob second = engine.start(SyncRequest.full());
      tasks.remove().run();
      SyncReport report = second.result().join();
      assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(report.inserted()).isEqualTo(7);
      assertThat(target.applies() - appliesBefore).isEqualTo(3);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
    }
  }

  @Test
  void cancelWhileQueuedNeverRuns() {
    try (SyncEngine engine = engine()) {
      SyncJob job = engine.start(SyncRequest.full());
      assertThat(job.cancel()).isTrue();
      tasks.remove().run();
      assertThat(job.result().join().state()).isEqualTo(JobState.CANCELLED);
      assertThat(target.applies()).isZero();
      assertThat(job.cancel()).isFalse();
    }
  }

  @Test
  void storeFailureFailsTheJobAndKeepsTheLastDurableCheckpoint() {
    try (SyncEngine engine = engine()) {
      target.beforeApply(n -> {
        if (n >= 3) {
          throw new DataAccessException("connection lost writing items", ITEMS, null, "08006", null);
        }
      });
      SyncJob job = engine.start(SyncRequest.full());
      tasks.remove().run();
      SyncReport report = job.result().join();
      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(report.failure()).isEqualTo("connection lost writing items");
      assertThat(target.rows(ITEMS)).hasSize(6);
      assertThat(KeyCodec.decode(state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow().position()))
          .isEqualTo(RowKey.of(6L));
    }
  }
}
