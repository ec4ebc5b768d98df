package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SyncListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tables of a job side by side: A and C independent, B referencing A. */
class ParallelTablesTest {
  private static final TableId A = TableId.of("a");
  private static final TableId B = TableId.of("b");
  private static final TableId C = TableId.of("c");
  /** Long enough never to pass in a working run; it only ends a broken run instead of hanging it. */
  private static final long WAIT_SECONDS = 30;

  private final TableSchema a = Schemas.table(A, List.of("id"), "id:BIGINT", "name:VARCHAR");
  private final TableSchema b = Schemas.withForeignKey(
      Schemas.table(B, List.of("id"), "id:BIGINT", "a_id:BIGINT"), "a_id", A, "id");
  private final TableSchema c = Schemas.table(C, List.of("id"), "id:BIGINT", "name:VARCHAR");
  private final MemoryStore source = new MemoryStore("source").create(a).create(b).create(c);
  private final MemoryStore store = new MemoryStore("target").create(a).create(b).create(c).enforceForeignKeys();
  private final GatedTarget target = new GatedTarget(store);

  ParallelTablesTest() {
    for (long id = 1; id <= 5; id++) {
      source.put(A, id, "a" + id).put(B, id, id).put(C, id, "c" + id);
    }
  }

  private SyncEngine engine(int parallelism, SyncListener... listeners) {
    SyncEngineBuilder builder = SyncEngine.builder().source(source).target(target).batchSize(2)
        .parallelism(parallelism).executor(Runnable::run);
    for (SyncListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build();
  }

  @Test
  void independentTableRunsAlongsideItsNeighbourAndChildWaitsForParent() throws Exception {
    CyclicBarrier both = new CyclicBarrier(2);
    target.hook(A, n -> {
      if (n == 1) {
        both.await(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    }).hook(C, n -> {
      if (n == 1) {
        both.await(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    });
    try (SyncEngine engine = engine(2)) {
      SyncReport report = engine.run(SyncRequest.full());

      assertThat(report.inserted()).isEqualTo(15);
      assertThat(target.mostAtOnce()).isEqualTo(2);
      List<String> events = target.events();
      assertThat(events.lastIndexOf("apply a")).isLessThan(events.indexOf("apply b"));
      for (TableId table : List.of(A, B, C)) {
        assertThat(store.rows(table)).as(table.toString()).isEqualTo(source.rows(table));
      }
    }
  }

  @Test
  void parallelJobReplacingParentsAndChildrenKeepsEveryForeignKey() {
    TableId d = TableId.of("d");
    TableSchema grandchild = Schemas.withForeignKey(
        Schemas.table(d, List.of("id"), "id:BIGINT", "b_id:BIGINT"), "b_id", B, "id");
    source.create(grandchild);
    store.create(grandchild);
    store.put(A, 90L, "gone").put(B, 90L, 90L).put(d, 90L, 90L).put(C, 90L, "gone");
    source.put(d, 1L, 1L).put(d, 2L, 2L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(1).parallelism(4)
        .executor(Runnable::run).build()) {
      SyncReport report = engine.run(SyncRequest.full());

      assertThat(report.deleted()).isEqualTo(4);
      for (TableId table : List.of(A, B, C, d)) {
        assertThat(store.rows(table)).as(table.toString()).isEqualTo(source.rows(table));
      }
    }
  }

  @Test
  void parallelismOfOneRunsOneTableAfterTheOther() {
    try (SyncEngine engine = engine(1)) {
      engine.run(SyncRequest.full());

      assertThat(target.mostAtOnce()).isEqualTo(1);
      assertThat(target.events()).containsExactly(
          "apply a", "apply a", "apply a", "apply b", "apply b", "apply b", "apply c", "apply c", "apply c");
    }
  }

  @Test
  void failingTableStopsTheOthersAtTheirNextBatchBoundaryAndNamesItself() throws Exception {
    CountDownLatch aApplied = new CountDownLatch(1);
    CountDownLatch failureHeard = new CountDownLatch(1);
    List<TableProgress> failed = new CopyOnWriteArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void tableFailed(String jobId, TableProgress progress) {
        failed.add(progress);
        failureHeard.countDown();
      }
    };
    target.hook(A, n -> {
      if (n == 2) {
        aApplied.countDown();
        assertThat(failureHeard.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      }
    }).hook(C, n -> {
      assertThat(aApplied.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      throw new IllegalStateException("connection lost");
    });
    try (SyncEngine engine = engine(2, listener)) {
      SyncReport report = engine.start(SyncRequest.full()).result().join();

      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(report.failure()).isEqualTo("table c failed: connection lost");
      assertThat(failed).extracting(TableProgress::table, TableProgress::phase)
          .containsExactly(tuple(C, TableProgress.Phase.FAILED));
      // a stopped after its second batch, whole; b, waiting for a, never started; c wrote nothing
      assertThat(store.rows(A)).extracting(Row::key).containsExactly(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L),
          RowKey.of(4L));
      assertThat(target.events()).doesNotContain("apply b");
      assertThat(store.rows(C)).isEmpty();
    }
  }

  @Test
  void cancellationStopsEveryRunningTable() {
    CyclicBarrier both = new CyclicBarrier(2);
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<SyncJob> job = new AtomicReference<>();
    GatedTarget.Hook cancelOnFirst = n -> {
      if (n == 1) {
        both.await(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        job.get().cancel();
      }
    };
    target.hook(A, cancelOnFirst).hook(C, cancelOnFirst);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(2).parallelism(2)
        .executor(runner).build()) {
      job.set(engine.start(SyncRequest.full()));
      started.countDown();
      SyncReport report = job.get().result().join();

      assertThat(report.state()).isEqualTo(JobState.CANCELLED);
      assertThat(store.rows(A)).hasSize(2);
      assertThat(store.rows(C)).hasSize(2);
      assertThat(target.events()).doesNotContain("apply b");
    } finally {
      runner.shutdown();
    }
  }
}
