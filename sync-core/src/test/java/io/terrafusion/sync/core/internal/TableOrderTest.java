package io.terrafusion.sync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOrderTest {

  private static TableSchema table(String name, String... parents) {
    List<ForeignKey> fks = Arrays.stream(parents)
        .map(p -> new ForeignKey("fk_" + p, List.of(p + "_id"), TableId.of(p), List.of("id"))).toList();
    List<Column> columns = new ArrayList<>(List.of(Column.of("id", JDBCType.BIGINT)));
    Arrays.stream(parents).forEach(p -> columns.add(Column.of(p + "_id", JDBCType.BIGINT)));
    return new TableSchema(TableId.of(name), columns, List.of("id"), fks);
  }

  private static List<String> names(List<TableSchema> tables) {
    return tables.stream().map(t -> t.id().name()).toList();
  }

  @Test
  void parentsComeBeforeChildrenAndTiesByName() {
    List<TableSchema> tables = List.of(table("lines", "orders"), table("orders", "customers"), table("customers"),
        table("audit"));
    assertThat(names(TableOrder.parentsFirst(tables))).containsExactly("audit", "customers", "orders", "lines");
  }

  @Test
  void cycleFallsBackToNameOrder() {
    List<TableSchema> tables = List.of(table("b", "a"), table("a", "b"), table("root"), table("c", "b"));
    assertThat(names(TableOrder.parentsFirst(tables))).containsExactly("root", "a", "b", "c");
  }

  @Test
  void selfReferencesAndUnselectedParentsAreIgnored() {
    List<TableSchema> tables = List.of(table("tree", "tree"), table("child", "elsewhere"));
    assertThat(names(TableOrder.parentsFirst(tables))).containsExactly("child", "tree");
    assertThat(TableOrder.referenced(tables)).isEmpty();
  }

  @Test
  void referencedHoldsOnlyParentsWithinTheSelection() {
    List<TableSchema> tables = List.of(table("orders", "customers"), table("customers"));
    assertThat(TableOrder.referenced(tables)).containsExactly(TableId.of("customers"));
  }
}
