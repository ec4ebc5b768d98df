package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullSyncTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());

  private SyncEngine engine(int batchSize) {
    return SyncEngine.builder().source(source).target(target).batchSize(batchSize).executor(Runnable::run).build();
  }

  @Test
  void insertsRowsMissingAtTarget() {
    source.put(ITEMS, 1L, "a", 1L).put(ITEMS, 2L, "b", 2L).put(ITEMS, 3L, "c", 3L);
    try (SyncEngine engine = engine(2)) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.inserted()).isEqualTo(3);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void updatesOnlyRowsThatDiffer() {
    for (long id = 1; id <= 6; id++) {
      source.put(ITEMS, id, "n" + id, id);
      target.put(ITEMS, id, "n" + id, id);
    }
    source.put(ITEMS, 4L, "changed", 4L);
    target.put(ITEMS, 5L, "n5", null);
    try (SyncEngine engine = engine(3)) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.updated()).isEqualTo(2);
      assertThat(report.unchanged()).isEqualTo(4);
      assertThat(target.rowsWritten()).isEqualTo(2);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void unchangedTableIsNotWritten() {
    source.put(ITEMS, 1L, "a", 1L);
    target.put(ITEMS, 1L, "a", 1L);
    try (SyncEngine engine = engine(10)) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.changed()).isZero();
      assertThat(target.applies()).isZero();
    }
  }

  @Test
  void deletesRowsOnlyAtTarget() {
    source.put(ITEMS, 2L, "b", 2L);
    target.put(ITEMS, 1L, "a", 1L).put(ITEMS, 2L, "b", 2L).put(ITEMS, 3L, "c", 3L).put(ITEMS, 9L, "z", 9L);
    try (SyncEngine engine = engine(1)) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.deleted()).isEqualTo(3);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void emptySourceEmptiesTarget() {
    target.put(ITEMS, 1L, "a", 1L).put(ITEMS, 2L, "b", 2L);
    try (SyncEngine engine = engine(5)) {
      engine.run(SyncRequest.full());
      assertThat(target.rows(ITEMS)).isEmpty();
    }
  }

  @Test
  void stringKeysOrderByCodePoint() {
    TableId words = TableId.of("words");
    TableSchema schema = Schemas.table(words, List.of("k"), "k:VARCHAR", "v:VARCHAR");
    source.create(schema);
    target.create(schema);
    List<String> keys = List.of("a", "A", "b", "\uFFFD", "\uD83D\uDE00", "ab", "");
    keys.stream().filter(k -> !k.isEmpty()).forEach(k -> source.put(words, k, "v" + k));
    target.put(words, "A", "old").put(words, "\uD83D\uDE01", "gone");
    try (SyncEngine engine = engine(2)) {
      SyncReport report = engine.run(SyncRequest.full(words));
      assertThat(target.rows(words)).isEqualTo(source.rows(words));
      assertThat(report.inserted()).isEqualTo(5);
      assertThat(report.updated()).isEqualTo(1);
      assertThat(report.deleted()).isEqualTo(1);
    }
  }

  @Test
  void compositeKeysSync() {
    TableId lines = TableId.of("lines");
    TableSchema schema = Schemas.table(lines, List.of("order_id", "line"), "order_id:BIGINT", "line:VARCHAR",
        "amount:DECIMAL");
    source.create(schema);
    target.create(schema);
    source.put(lines, 1L, "a", new BigDecimal("1.50")).put(lines, 1L, "b", null).put(lines, 2L, "a", null);
    target.put(lines, 1L, "a", new BigDecimal("1.5")).put(lines, 1L, "c", null);
    try (SyncEngine engine = engine(1)) {
      SyncReport report = engine.run(SyncRequest.full(lines));
      assertThat(target.rows(lines)).isEqualTo(source.rows(lines));
      assertThat(report.table(lines).orElseThrow().unchanged()).isEqualTo(1);
      assertThat(report.changed()).isEqualTo(3);
    }
  }

  @Test
  void filteredRowsAreDeletedAtTarget() {
    source.put(ITEMS, 1L, "keep", 1L).put(ITEMS, 2L, "drop", 2L);
    target.put(ITEMS, 2L, "drop", 2L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .transformer(schema -> RowMapping.of(schema, row -> "drop".equals(row.get("name")) ? null : row))
        .build()) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.filtered()).isEqualTo(1);
      assertThat(report.deleted()).isEqualTo(1);
      assertThat(target.rows(ITEMS)).extracting(Row::key).containsExactly(source.rows(ITEMS).get(0).key());
    }
  }

  @Test
  void writesOnlyTheMappedColumns() {
    TableSchema wide = Schemas.table(ITEMS, List.of("id"), "id:BIGINT", "name:VARCHAR", "qty:BIGINT", "note:VARCHAR");
    MemoryStore wideTarget = new MemoryStore("wide").create(wide).put(ITEMS, 1L, "old", 1L, "kept");
    source.put(ITEMS, 1L, "new", 1L).put(ITEMS, 2L, "b", 2L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(wideTarget).executor(Runnable::run).build()) {
      engine.run(SyncRequest.full());
      assertThat(wideTarget.row(ITEMS, 1L).orElseThrow().toMap()).containsEntry("name", "new").containsEntry("note", "kept");
      assertThat(wideTarget.row(ITEMS, 2L).orElseThrow().get("note")).isNull();
      assertThat(wideTarget.read(wide, KeyRange.all(), 10)).hasSize(2);
    }
  }

  @Test
  void appliesInTransactionsOfAtMostTheBatchSize() {
    source.put(ITEMS, 100L, "last", 1L);
    for (long id = 1; id <= 9; id++) {
      target.put(ITEMS, id, "gone", id);
    }
    try (SyncEngine engine = engine(2)) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.deleted()).isEqualTo(9);
      assertThat(target.largestBatch()).isEqualTo(2);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    }
  }

  @Test
  void mappingThatChangesTheKeyFailsTheTable() {
    source.put(ITEMS, 1L, "a", 1L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .transformer(schema -> RowMapping.of(schema, row -> row.with("id", 99L)))
        .build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("items").contains("changed key (1) to (99)");
      assertThat(target.applies()).isZero();
    }
  }
}
