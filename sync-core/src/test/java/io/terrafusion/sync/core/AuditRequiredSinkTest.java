package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.AuditSink;
import org.junit.jupiter.api.Test;

class AuditRequiredSinkTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();

  /** A required sink that cannot record the insert of one key. */
  private static AuditSink failingAt(long key) {
    return event -> {
      if (event.type() == AuditEventType.ROW_INSERTED && RowKey.of(key).equals(event.key())) {
        throw new IllegalStateException("audit disk full");
      }
    };
  }

  private SyncEngine engine(AuditSink sink) {
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    return SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(2)
        .executor(Runnable::run).auditSink(sink).build();
  }

  @Test
  void aRequiredSinkFailingInTheFirstBatchFailsTheJobBeforeAnyCheckpoint() {
    try (SyncEngine engine = engine(failingAt(1))) {
      assertThatThrownBy(() -> engine.run(SyncRequest.full()))
          .isInstanceOf(JobFailedException.class)
          .hasMessageContaining("required audit sink")
          .hasMessageContaining("ROW_INSERTED");
      assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
    }
  }

  @Test
  void aRequiredSinkFailingInALaterBatchLeavesTheCheckpointOfTheBatchBefore() {
    try (SyncEngine engine = engine(failingAt(3))) {
      assertThatThrownBy(() -> engine.run(SyncRequest.full())).isInstanceOf(JobFailedException.class);
      assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isPresent();
    }
    try (SyncEngine again = SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(2)
        .executor(Runnable::run).build()) {
      again.run(SyncRequest.full());
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void theJobFailedEventIsRecordedWhenARequiredSinkFailed() {
    RecordingSink recording = new RecordingSink();
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(2)
        .executor(Runnable::run).auditSink(recording).auditSink(failingAt(1)).build()) {
      assertThatThrownBy(() -> engine.run(SyncRequest.full())).isInstanceOf(JobFailedException.class);
      AuditEvent last = recording.events().get(recording.events().size() - 1);
      assertThat(last.type()).isEqualTo(AuditEventType.JOB_FAILED);
      assertThat(last.details().get("reason")).contains("required audit sink");
    }
  }
}
