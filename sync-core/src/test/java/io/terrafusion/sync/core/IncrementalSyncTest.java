package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalSyncTest {

  /** Yields one fixed batch of plain changes, then remembers its checkpoint. */
  private static final class OneBatchDetector implements ChangeDetector {
    private final List<Change> changes;

    OneBatchDetector(List<Change> changes) {
      this.changes = changes;
    }

    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public ChangeStream open(DetectionContext context) {
      Iterator<ChangeBatch> batches = context.checkpoint().isInitial()
          ? List.of(new ChangeBatch(context.table().id(), 0, changes, null,
              new Checkpoint(context.table().id(), name(), "done"))).iterator()
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
}
