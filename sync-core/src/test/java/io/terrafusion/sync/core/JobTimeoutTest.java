package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The per-job time limit, on the engine clock, which the target moves while it applies. */
class JobTimeoutTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("target").create(Schemas.items());
  private final GatedTarget target = new GatedTarget(store);
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final RecordingSink audit = new RecordingSink();
  private final ManualClock clock = new ManualClock();

  JobTimeoutTest() {
    for (long id = 1; id <= 10; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
  }

  private SyncEngine engine(Duration timeout) {
    return SyncEngine.builder().source(source).target(target).stateStore(state).auditSink(audit).batchSize(3)
        .clock(clock).jobTimeout(timeout).executor(Runnable::run).build();
  }

  @Test
  void jobPastItsLimitStopsAtTheNextBatchBoundaryAndFails() {
    target.hook(ITEMS, n -> {
      if (n == 2) {
        clock.advance(Duration.ofMinutes(2));
      }
    });
    try (SyncEngine engine = engine(Duration.ofMinutes(1))) {
      SyncReport report = engine.start(SyncRequest.full()).result().join();

      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(report.failure()).isEqualTo("timed out after PT1M");
      assertThat(store.rows(ITEMS)).extracting(Row::key).containsExactly(
          RowKey.of(1L), RowKey.of(2L), RowKey.of(3L), RowKey.of(4L), RowKey.of(5L), RowKey.of(6L));
      assertThat(KeyCodec.decode(state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow().position()))
          .isEqualTo(RowKey.of(6L));
      assertThat(audit.events()).extracting(e -> e.type()).contains(AuditEventType.JOB_FAILED)
          .doesNotContain(AuditEventType.JOB_CANCELLED);
    }
  }

  @Test
  void jobAfterATimeoutResumesAndFinishesEqual() {
    target.hook(ITEMS, n -> {
      if (n == 1) {
        clock.advance(Duration.ofMinutes(2));
      }
    });
    try (SyncEngine engine = engine(Duration.ofMinutes(1))) {
      assertThat(engine.start(SyncRequest.full()).result().join().state()).isEqualTo(JobState.FAILED);

      SyncReport second = engine.run(SyncRequest.full());

      assertThat(second.inserted()).isEqualTo(7);
      assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void jobWithinItsLimitSucceeds() {
    try (SyncEngine engine = engine(Duration.ofMinutes(1))) {
      assertThat(engine.run(SyncRequest.full()).inserted()).isEqualTo(10);
    }
  }

  @Test
  void cancelBeforeTheLimitStaysACancellation() {
    Queue<Runnable> tasks = new ArrayDeque<>();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(3).clock(clock)
        .jobTimeout(Duration.ofMinutes(1)).executor(tasks::add).build()) {
      SyncJob job = engine.start(SyncRequest.full());
      target.hook(ITEMS, n -> {
        job.cancel();
        clock.advance(Duration.ofMinutes(2));
      });
      tasks.remove().run();

      SyncReport report = job.result().join();
      assertThat(report.state()).isEqualTo(JobState.CANCELLED);
      assertThat(report.failure()).isNull();
    }
  }

  @Test
  void rejectsATimeoutThatIsNotPositive() {
    assertThatThrownBy(() -> SyncEngine.builder().source(source).target(target).jobTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("jobTimeout must be positive but was PT0S");
  }

  @Test
  void rejectsParallelismOutOfRange() {
    assertThatThrownBy(() -> SyncEngine.builder().source(source).target(target).parallelism(0).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("parallelism must be between 1 and 64 but was 0");
    assertThatThrownBy(() -> SyncEngine.builder().source(source).target(target).parallelism(65).build())
        .hasMessageContaining("parallelism must be between 1 and 64 but was 65");
  }
}
