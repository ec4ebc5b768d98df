package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeySyncTest {
  private static final TableId CUSTOMERS = TableId.of("customers");
  private static final TableId ORDERS = TableId.of("orders");
  private static final TableId LINES = TableId.of("a_lines");

  private final TableSchema customers = Schemas.table(CUSTOMERS, List.of("id"), "id:BIGINT", "name:VARCHAR");
  private final TableSchema orders = Schemas.withForeignKey(
      Schemas.table(ORDERS, List.of("id"), "id:BIGINT", "customer_id:BIGINT"), "customer_id", CUSTOMERS, "id");
  private final TableSchema lines = Schemas.withForeignKey(
      Schemas.table(LINES, List.of("id"), "id:BIGINT", "order_id:BIGINT"), "order_id", ORDERS, "id");

  private final MemoryStore source = new MemoryStore("source").create(customers).create(orders).create(lines);
  private final MemoryStore target =
      new MemoryStore("target").create(customers).create(orders).create(lines).enforceForeignKeys();

  @Test
  void replacingParentsAndChildrenRespectsForeignKeys() {
    target.put(CUSTOMERS, 1L, "old").put(CUSTOMERS, 2L, "stays")
        .put(ORDERS, 10L, 1L).put(ORDERS, 11L, 2L)
        .put(LINES, 100L, 10L).put(LINES, 101L, 11L);
    source.put(CUSTOMERS, 2L, "stays").put(CUSTOMERS, 3L, "new")
        .put(ORDERS, 11L, 2L).put(ORDERS, 12L, 3L)
        .put(LINES, 101L, 11L).put(LINES, 102L, 12L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(1)
        .executor(Runnable::run).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      for (TableId table : List.of(CUSTOMERS, ORDERS, LINES)) {
        assertThat(target.rows(table)).as(table.toString()).isEqualTo(source.rows(table));
      }
      assertThat(report.inserted()).isEqualTo(3);
      assertThat(report.deleted()).isEqualTo(3);
    }
  }

  @Test
  void reportsTablesInTheOrderTheyFinished() {
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      // a_lines is referenced by no table and finishes in pass 1; orders and customers are
      // referenced, so they finish after their deletes in pass 2, children first
      assertThat(report.tables()).extracting(t -> t.table().name()).containsExactly("a_lines", "orders", "customers");
    }
  }

  @Test
  void syncsParentsBeforeChildrenWhenOnlyChildrenAreNew() {
    source.put(CUSTOMERS, 1L, "c").put(ORDERS, 10L, 1L).put(LINES, 100L, 10L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run).build()) {
      engine.run(SyncRequest.full());
      assertThat(target.rows(LINES)).hasSize(1);
    }
  }
}
