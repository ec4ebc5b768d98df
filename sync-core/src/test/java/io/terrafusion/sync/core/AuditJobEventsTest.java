package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJobEventsTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final RecordingSink sink = new RecordingSink();

  private SyncEngine engine() {
    source.put(ITEMS, 1L, "one", 1L).put(ITEMS, 2L, "two", 2L);
    target.put(ITEMS, 2L, "deux", 2L);
    return SyncEngine.builder().source(source).target(target).batchSize(7).executor(Runnable::run)
        .sensitiveColumns(ITEMS, "name").auditSink(sink).build();
  }

  @Test
  void jobStartedCarriesTheInitiatorAndTheOptions() {
    try (SyncEngine engine = engine()) {
      engine.run(SyncRequest.incremental(ITEMS).initiatedBy("ops@county").withDetector(ITEMS, "hashdiff"));
    }
    AuditEvent started = sink.events().get(0);
    assertThat(started.type()).isEqualTo(AuditEventType.JOB_STARTED);
    assertThat(started.details())
        .containsEntry("mode", "INCREMENTAL")
        .containsEntry("initiator", "ops@county")
        .containsEntry("tables", "items")
        .containsEntry("detectors", "{items=hashdiff}")
        .containsEntry("incrementalDetector", "hashdiff")
        .containsEntry("batchSize", "7")
        .containsEntry("deadLetterPolicy", "QUARANTINE")
        .containsEntry("sensitiveColumns", "{items=name}")
        .containsKey("conflictResolver");
  }

  @Test
  void validateAndCompareAreAuditedWithTheirResult() {
    try (SyncEngine engine = engine()) {
      engine.validate(SyncRequest.full(ITEMS).initiatedBy("auditor"));
      engine.compare(SyncRequest.full(ITEMS).initiatedBy("auditor"));
      engine.validate(SyncRequest.full(TableId.of("missing")));
    }
    List<AuditEvent> validations = sink.events().stream().filter(e -> e.type() == AuditEventType.VALIDATION).toList();
    List<AuditEvent> summaries = validations.stream().filter(e -> e.table() == null).toList();
    assertThat(summaries).extracting(e -> e.details().get("kind")).containsExactly("schema", "compare", "schema");
    assertThat(summaries).extracting(e -> e.details().get("valid")).containsExactly("true", "false", "false");
    assertThat(summaries.get(0).details()).containsEntry("initiator", "auditor").containsEntry("tables", "items");
    assertThat(summaries.get(0).jobId()).startsWith("validation-").isNotEqualTo(summaries.get(1).jobId());
    AuditEvent compared = validations.stream().filter(e -> ITEMS.equals(e.table())).findFirst().orElseThrow();
    assertThat(compared.details()).containsEntry("kind", "compare").containsKey("rules");
    assertThat(Integer.parseInt(compared.details().get("violations"))).isPositive();
    assertThat(sink.flushes()).isGreaterThanOrEqualTo(3);
  }
}
