package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.spi.AuditSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final RecordingSink sink = new RecordingSink();

  private SyncEngineBuilder builder() {
    source.put(ITEMS, 1L, "new", 1L).put(ITEMS, 2L, "changed", 2L).put(ITEMS, 3L, "same", 3L);
    target.put(ITEMS, 2L, "old", 2L).put(ITEMS, 3L, "same", 3L).put(ITEMS, 4L, "gone", 4L);
    return SyncEngine.builder().source(source).target(target).batchSize(2).executor(Runnable::run)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).auditSink(sink);
  }

  @Test
  void failingOptionalAuditSinkDoesNotFailTheSync() {
    AuditSink broken = new AuditSink() {
      @Override
      public void record(AuditEvent event) {
        throw new IllegalStateException("disk full");
      }

      @Override
      public void flush() {
        throw new IllegalStateException("disk full");
      }
    };
    try (SyncEngine engine = builder().auditSink(AuditSinks.optional(broken)).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.changed()).isEqualTo(3);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      assertThat(sink.types()).contains(AuditEventType.JOB_SUCCEEDED);
    }
  }

  @Test
  void oneRowEventPerAppliedChange() {
    try (SyncEngine engine = builder().build()) {
      engine.run(SyncRequest.full());
      List<AuditEvent> rowEvents = sink.events().stream()
          .filter(e -> e.type().name().startsWith("ROW_")).toList();
      assertThat(rowEvents).extracting(AuditEvent::type, AuditEvent::key).containsExactlyInAnyOrder(
          tuple(AuditEventType.ROW_INSERTED, RowKey.of(1L)),
          tuple(AuditEventType.ROW_UPDATED, RowKey.of(2L)),
          tuple(AuditEventType.ROW_DELETED, RowKey.of(4L)));
      AuditEvent update = rowEvents.stream().filter(e -> e.type() == AuditEventType.ROW_UPDATED).findFirst().orElseThrow();
      assertThat(update.before().get("name")).isEqualTo("old");
      assertThat(update.after().get("name")).isEqualTo("changed");
    }
  }

  @Test
  void jobAndTableEventsFrameTheRowEvents() {
    try (SyncEngine engine = builder().build()) {
      String jobId = engine.run(SyncRequest.full().initiatedBy("nightly")).jobId();
      List<AuditEventType> types = sink.types();
      assertThat(types.get(0)).isEqualTo(AuditEventType.JOB_STARTED);
      assertThat(types.get(1)).isEqualTo(AuditEventType.TABLE_STARTED);
      assertThat(types.get(types.size() - 2)).isEqualTo(AuditEventType.TABLE_FINISHED);
      assertThat(types.get(types.size() - 1)).isEqualTo(AuditEventType.JOB_SUCCEEDED);
      AuditEvent started = sink.events().get(0);
      assertThat(started.details()).containsEntry("mode", "FULL").containsEntry("initiator", "nightly");
      assertThat(sink.events()).allSatisfy(e -> {
        assertThat(e.jobId()).isEqualTo(jobId);
        assertThat(e.at()).isEqualTo(NOW);
      });
      assertThat(sink.events().get(types.size() - 2).details()).containsEntry("inserted", "1").containsEntry("deleted", "1");
      assertThat(sink.flushes()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void failedJobIsAuditedWithItsReason() {
    try (SyncEngine engine = builder().build()) {
      engine.start(SyncRequest.full(TableId.of("missing")));
      AuditEvent last = sink.events().get(sink.events().size() - 1);
      assertThat(last.type()).isEqualTo(AuditEventType.JOB_FAILED);
      assertThat(last.details().get("reason")).contains("missing");
    }
  }
}
