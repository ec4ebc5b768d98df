package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IncrementalSyncTest {

  /**
   * Yields one fixed batch of plain changes, then remembers its checkpoint; records the contexts it
   * was opened with and the batches acknowledged.
   */
  private static final class OneBatchDetector implements ChangeDetector {
    private final String name;
    private final List<Change> changes;
    final List<DetectionContext> contexts = new CopyOnWriteArrayList<>();
    final List<String> committed = new CopyOnWriteArrayList<>();

    OneBatchDetector(List<Change> changes) {
      this("fixed", changes);
    }

    OneBatchDetector(String name, List<Change> changes) {
      this.name = name;
      this.changes = changes;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ChangeStream open(DetectionContext context) {
      contexts.add(context);
      Iterator<ChangeBatch> batches = context.checkpoint().isInitial()
          ? List.of(new ChangeBatch(context.table().id(), 0, changes, null,
              new Checkpoint(context.table().id(), name, "done"))).iterator()
          : List.<ChangeBatch>of().iterator();
      return new ChangeStream() {
        @Override
        public boolean hasNext() {
          return batches.hasNext();
        }

        @Override
        public ChangeBatch next() {
          return batches.next();
        }

        @Override
        public void committed(ChangeBatch batch) {
          committed.add(batch.sequence() + "@" + batch.checkpoint().position());
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void plainBatchesAreComparedByKeyAndKeepTheirCheckpoint() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore target = new MemoryStore("target").create(Schemas.items())
        .put(ITEMS, 1L, "same", 1L).put(ITEMS, 2L, "old", 2L).put(ITEMS, 3L, "gone", 3L).put(ITEMS, 4L, "untouched", 4L);
    var layout = Schemas.items().layout();
    List<Change> changes = List.of(
        Change.upsert(Row.of(layout, 1L, "same", 1L)),
        Change.update(null, Row.of(layout, 2L, "new", 2L)),
        Change.delete(RowKey.of(3L), null),
        Change.insert(Row.of(layout, 5L, "added", 5L)));
    InMemoryStateStore state = new InMemoryStateStore();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).incrementalDetector(new OneBatchDetector(changes)).build()) {
      SyncReport report = engine.run(SyncRequest.incremental());
      assertThat(report.inserted()).isEqualTo(1);
      assertThat(report.updated()).isEqualTo(1);
      assertThat(report.deleted()).isEqualTo(1);
      assertThat(report.table(ITEMS).orElseThrow().unchanged()).isEqualTo(1);
      assertThat(target.rows(ITEMS)).extracting(r -> r.get("name")).containsExactly("same", "new", "untouched", "added");
      assertThat(state.checkpoint(ITEMS, "fixed")).map(Checkpoint::position).contains("done");
      assertThat(engine.run(SyncRequest.incremental()).changed()).isZero();
    }
  }

  @Test
  void aRequestChoosesARegisteredDetectorPerTableWhichSeesTheTargetAndTheColumnMap() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore target = new MemoryStore("target").create(Schemas.items());
    var layout = Schemas.items().layout();
    OneBatchDetector fallback = new OneBatchDetector(List.of());
    OneBatchDetector chosen = new OneBatchDetector("chosen", List.of(Change.insert(Row.of(layout, 1L, "a", 1L))));
    InMemoryStateStore state = new InMemoryStateStore();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).incrementalDetector(fallback).detector(chosen).build()) {
      SyncReport report = engine.run(SyncRequest.incremental(ITEMS).withDetector(ITEMS, "chosen"));

      assertThat(report.inserted()).isEqualTo(1);
      assertThat(fallback.contexts).isEmpty();
      DetectionContext context = chosen.contexts.get(0);
      assertThat(context.target()).isSameAs(target);
      assertThat(context.targetTable()).isEqualTo(Schemas.items());
      assertThat(context.sourceColumns()).isEqualTo(layout.columns());
      assertThat(chosen.committed).containsExactly("0@done");
      assertThat(state.checkpoint(ITEMS, "chosen")).map(Checkpoint::position).contains("done");
    }
  }

  @Test
  void aRequestChoosingAnUnknownDetectorIsRefusedNamingIt() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore target = new MemoryStore("target").create(Schemas.items());
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .incrementalDetector(new OneBatchDetector(List.of())).build()) {
      assertThatThrownBy(() -> engine.start(SyncRequest.incremental(ITEMS).withDetector(ITEMS, "nosuch")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("detector nosuch for table " + ITEMS)
          .hasMessageContaining("[fixed, hashdiff]");
    }
  }

  @Test
  void twoDifferentDetectorsOfOneNameAreAConfigurationError() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore target = new MemoryStore("target").create(Schemas.items());
    OneBatchDetector detector = new OneBatchDetector(List.of());
    assertThatThrownBy(() -> SyncEngine.builder().source(source).target(target)
        .incrementalDetector(detector).detector(detector).detector(new OneBatchDetector(List.of())).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("two different detectors are named fixed");
  }

  @Test
  void aRequestCannotChooseADetectorForATableItDoesNotSync() {
    assertThatThrownBy(() -> SyncRequest.incremental(ITEMS).withDetector(TableId.of("other"), "fixed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table other which the request does not sync");
  }
}
