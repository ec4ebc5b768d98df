package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SchemaMismatchException;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  private static final TableId NOTES = TableId.of("notes");
  private static final TableId TAGS = TableId.of("tags");

  private final MemoryStore source = new MemoryStore("source")
      .create(Schemas.items())
      .create(Schemas.table(NOTES, List.of("id"), "id:BIGINT", "text:VARCHAR"))
      .create(Schemas.table(TAGS, List.of("id"), "id:BIGINT"));
  private final MemoryStore target = new MemoryStore("target")
      .create(Schemas.table(ITEMS, List.of("id"), "id:BIGINT", "name:VARCHAR"))
      .create(Schemas.table(TAGS, List.of("id"), "id:BIGINT"));

  private SyncEngine engine() {
    return SyncEngine.builder().source(source).target(target).executor(Runnable::run).build();
  }

  @Test
  void missingTableAndColumnFailBeforeAnyWriteAndAreAllListed() {
    source.put(ITEMS, 1L, "a", 1L).put(TAGS, 7L);
    try (SyncEngine engine = engine()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().state()).isEqualTo(JobState.FAILED);
      assertThat(e.getCause()).isInstanceOf(SchemaMismatchException.class);
      assertThat(((SchemaMismatchException) e.getCause()).violations())
          .extracting(Violation::rule, Violation::column)
          .containsExactlyInAnyOrder(
              tuple("missing-column", "qty"),
              tuple("missing-table", null));
      assertThat(e.report().failure()).contains("notes").contains("qty");
      assertThat(target.applies()).isZero();
    }
  }

  @Test
  void unknownSourceTableFailsTheJobNamingIt() {
    try (SyncEngine engine = engine()) {
      JobFailedException e =
          catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full(TableId.of("nope"))));
      assertThat(e.report().failure()).contains("nope").contains("unknown-table");
    }
  }

  @Test
  void keyDifferentFromTargetKeyIsAViolation() {
    TableSchema other = Schemas.table(TAGS, List.of("id", "x"), "id:BIGINT", "x:BIGINT");
    MemoryStore otherTarget = new MemoryStore("other").create(other);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(otherTarget).build()) {
      ValidationReport report = engine.validate(SyncRequest.full(TAGS));
      assertThat(report.violations()).extracting(Violation::rule).containsExactly("key-mismatch");
    }
  }

  @Test
  void validateReportsWithoutWriting() {
    source.put(TAGS, 1L);
    try (SyncEngine engine = engine()) {
      assertThat(engine.validate(SyncRequest.full(TAGS)).isValid()).isTrue();
      assertThat(engine.validate(SyncRequest.full()).violations()).hasSize(2);
      assertThat(target.applies()).isZero();
    }
  }

  @Test
  void validatorSchemaViolationsFailTheJob() {
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .validator(new Validator() {
          @Override
          public ValidationReport checkSchema(TableSchema mapped, TableSchema targetSchema) {
            return ValidationReport.of(List.of(new Violation(targetSchema.id(), null, null, "custom", "refused")));
          }

          @Override
          public List<Violation> validate(Row row, TableSchema targetSchema) {
            return List.of();
          }
        }).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full(TAGS)));
      assertThat(e.report().failure()).contains("[custom]");
    }
  }
}
