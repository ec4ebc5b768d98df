package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataComparisonTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());

  private SyncEngine engine() {
    return SyncEngine.builder().source(source).target(target).batchSize(2).executor(Runnable::run).build();
  }

  @Test
  void compareNamesMissingExtraAndDifferingKeysAcrossPages() {
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    target.put(ITEMS, 1L, "n1", 1L).put(ITEMS, 2L, "changed", 2L).put(ITEMS, 4L, "n4", 4L).put(ITEMS, 9L, "x", 9L);
    try (SyncEngine engine = engine()) {
      List<Violation> found = engine.compare(SyncRequest.full()).violations();
      assertThat(found).extracting(Violation::key, Violation::rule).containsExactlyInAnyOrder(
          tuple(RowKey.of(2L), "row-differs"),
          tuple(RowKey.of(3L), "row-missing"),
          tuple(RowKey.of(5L), "row-missing"),
          tuple(RowKey.of(9L), "row-extra"));
      assertThat(found).allMatch(v -> !v.message().contains("changed"));
    }
  }

  @Test
  void compareAfterASyncFindsNothingAndWritesNothing() {
    for (long id = 1; id <= 7; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    try (SyncEngine engine = engine()) {
      engine.run(SyncRequest.full());
      int applies = target.applies();
      assertThat(engine.compare(SyncRequest.full(ITEMS)).isValid()).isTrue();
      assertThat(target.applies()).isEqualTo(applies);
    }
  }

  @Test
  void compareCountsDifferencesBeyondTheReportedOnes() {
    for (long id = 1; id <= 130; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    try (SyncEngine engine = engine()) {
      List<Violation> found = engine.compare(SyncRequest.full()).violations();
      assertThat(found).hasSize(101);
      assertThat(found.get(100).rule()).isEqualTo("more-differences");
      assertThat(found.get(100).message()).startsWith("30 more rows");
    }
  }

  @Test
  void compareReportsSchemaViolationsInsteadOfRows() {
    try (SyncEngine engine = engine()) {
      assertThat(engine.compare(SyncRequest.full(TableId.of("nosuch"))).violations())
          .extracting(Violation::rule).containsExactly("unknown-table");
    }
  }
}
