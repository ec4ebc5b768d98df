package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.transform.Transformers;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateMissingTablesTest {
  private static final TableId NOTES = TableId.of("notes");
  private static final TableId STOCK = TableId.of("stock");

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items())
      .put(ITEMS, 1L, "bolt", 10L).put(ITEMS, 2L, "nut", 20L);
  private final MemoryStore target = new MemoryStore("target");
  private final RecordingSink audit = new RecordingSink();

  private SyncEngineBuilder builder() {
    return SyncEngine.builder().source(source).target(target).auditSink(audit).executor(Runnable::run);
  }

  @Test
  void missingTargetTableIsCreatedFromMappedSchemaAndFilled() {
    try (SyncEngine engine = builder().createMissingTables(true)
        .transformer(Transformers.renameTable(ITEMS, STOCK.name())
            .andThen(Transformers.dropColumns(STOCK, "qty"))).build()) {
      engine.run(SyncRequest.full());
    }

    TableSchema created = target.table(STOCK).orElseThrow();
    assertThat(created.columns()).extracting(Column::name).containsExactly("id", "name");
    assertThat(created.primaryKey()).containsExactly("id");
    assertThat(target.rows(STOCK)).extracting(r -> r.get("name")).containsExactly("bolt", "nut");
  }

  @Test
  void creationIsAuditedBeforeAnyRowIsWritten() {
    try (SyncEngine engine = builder().createMissingTables(true).build()) {
      engine.run(SyncRequest.full());
    }

    List<AuditEvent> events = audit.events();
    AuditEvent creation = events.stream().filter(e -> e.type() == AuditEventType.VALIDATION).findFirst().orElseThrow();
    assertThat(creation.table()).isEqualTo(ITEMS);
    assertThat(creation.details()).containsEntry("action", "create-table").containsEntry("target", "target");
    assertThat(events.indexOf(creation)).isLessThan(audit.types().indexOf(AuditEventType.ROW_INSERTED));
  }

  @Test
  void missingTableStaysAViolationByDefault() {
    try (SyncEngine engine = builder().build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("missing-table").contains("items");
    }
    assertThat(target.tables()).isEmpty();
  }

  @Test
  void nothingIsCreatedWhenAnotherViolationStopsTheJob() {
    source.create(Schemas.table(NOTES, List.of("id"), "id:BIGINT", "text:VARCHAR"));
    target.create(Schemas.table(ITEMS, List.of("id"), "id:BIGINT", "name:VARCHAR"));
    try (SyncEngine engine = builder().createMissingTables(true).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("missing-column").contains("qty");
    }
    assertThat(target.table(NOTES)).isEmpty();
    assertThat(target.applies()).isZero();
  }

  @Test
  void validateCreatesNothingAndReportsTheMissingTable() {
    try (SyncEngine engine = builder().createMissingTables(true).build()) {
      assertThat(engine.validate(SyncRequest.full()).violations()).extracting(Violation::rule).containsExactly("missing-table");
    }
    assertThat(target.tables()).isEmpty();
  }

  @Test
  void toBuilderKeepsTheOption() {
    try (SyncEngine engine = builder().createMissingTables(true).build();
        SyncEngine variant = engine.toBuilder().build()) {
      variant.run(SyncRequest.full());
    }
    assertThat(target.rows(ITEMS)).hasSize(2);
    assertThat(audit.events()).anyMatch(e -> "create-table".equals(e.details().get("action")));
  }
}
