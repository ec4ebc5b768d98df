package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.JobConflictException;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class JobConflictTest {
  private static final TableId OTHER = TableId.of("other");

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items())
      .create(Schemas.table(OTHER, List.of("id"), "id:BIGINT"));
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items())
      .create(Schemas.table(OTHER, List.of("id"), "id:BIGINT"));
  /** Jobs stay queued here until the test runs them. */
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  private SyncEngine engine() {
    return SyncEngine.builder().source(source).target(target).executor(tasks::add).build();
  }

  @Test
  void startRefusesAJobWantingATableAQueuedJobSyncs() {
    try (SyncEngine engine = engine()) {
      SyncJob first = engine.start(SyncRequest.full(ITEMS, OTHER));
      assertThatThrownBy(() -> engine.start(SyncRequest.incremental(OTHER)))
          .isInstanceOfSatisfying(JobConflictException.class, e -> {
            assertThat(e.runningJobId()).isEqualTo(first.id());
            assertThat(e.tables()).containsExactly(OTHER);
            assertThat(e.getMessage()).contains(first.id(), "other");
          });
      assertThat(engine.activeJobs()).containsExactly(first);
    }
  }

  @Test
  void everyTableOverlapsAnyJob() {
    try (SyncEngine engine = engine()) {
      SyncJob all = engine.start(SyncRequest.full());
      assertThatThrownBy(() -> engine.start(SyncRequest.full(ITEMS))).isInstanceOf(JobConflictException.class)
          .hasMessageContaining(all.id());
    }
    try (SyncEngine engine = engine()) {
      engine.start(SyncRequest.full(ITEMS));
      assertThatThrownBy(() -> engine.start(SyncRequest.full())).isInstanceOf(JobConflictException.class);
    }
  }

  @Test
  void disjointTablesRunSideBySideAndAnEndedJobHoldsNothing() {
    try (SyncEngine engine = engine()) {
      SyncJob items = engine.start(SyncRequest.full(ITEMS));
      SyncJob other = engine.start(SyncRequest.full(OTHER));
      assertThat(engine.activeJobs()).containsExactly(items, other);
      tasks.remove().run();
      tasks.remove().run();
      assertThat(engine.activeJobs()).isEmpty();
      assertThat(engine.start(SyncRequest.full()).id()).isNotEqualTo(items.id());
    }
  }
}
