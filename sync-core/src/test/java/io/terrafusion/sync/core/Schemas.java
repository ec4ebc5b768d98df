package io.terrafusion.sync.core;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.sql.JDBCType;
import java.util.Arrays;
import java.util.List;

/** Small table schemas for tests. */
final class Schemas {
  static final TableId ITEMS = TableId.of("items");

  private Schemas() {}

  /** {@code items(id BIGINT key, name VARCHAR, qty BIGINT)}. */
  static TableSchema items() {
    return table(ITEMS, List.of("id"), "id:BIGINT", "name:VARCHAR", "qty:BIGINT");
  }

  /** A table of columns given as {@code name:JDBCTYPE}, with the given key. */
  static TableSchema table(TableId id, List<String> key, String... columns) {
    return new TableSchema(id, Arrays.stream(columns).map(Schemas::column).toList(), key, List.of());
  }

  static TableSchema withForeignKey(TableSchema child, String column, TableId parent, String parentColumn) {
    return new TableSchema(child.id(), child.columns(), child.primaryKey(),
        List.of(new ForeignKey("fk_" + child.id().name() + "_" + column, List.of(column), parent, List.of(parentColumn))));
  }

  private static Column column(String spec) {
    String[] parts = spec.split(":");
    return Column.of(parts[0], JDBCType.valueOf(parts[1]));
  }
}
