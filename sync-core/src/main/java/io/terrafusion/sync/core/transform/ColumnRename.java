package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renames columns, key columns included. Values keep their positions, so a row is re-wrapped in the
 * new layout without moving anything.
 */
final class ColumnRename implements Transformer {
  private final Map<String, String> oldToNew;

  /** {@code oldToNew} keeps the caller's order, so that bind errors name the first bad entry. */
  ColumnRename(Map<String, String> oldToNew) {
    this.oldToNew = oldToNew;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    for (String old : oldToNew.keySet()) {
      if (source.column(old).isEmpty()) {
        throw new IllegalArgumentException(
            "renameColumns on table " + source.id() + ": the table has no column " + old + " to rename");
      }
    }
    List<Column> columns = new ArrayList<>(source.columns().size());
    Set<String> names = new HashSet<>();
    for (Column column : source.columns()) {
      String name = renamed(column.name());
      if (!names.add(name)) {
        throw new IllegalArgumentException("renameColumns on table " + source.id()
            + ": the result would have two columns named " + name);
      }
      columns.add(name.equals(column.name()) ? column : column.withName(name));
    }
    List<String> key = source.primaryKey().stream().map(this::renamed).toList();
    List<ForeignKey> foreignKeys = source.foreignKeys().stream()
        .map(fk -> new ForeignKey(fk.name(), fk.columns().stream().map(this::renamed).toList(),
            fk.referencedTable(), fk.referencedColumns()))
        .toList();
    TableSchema mapped = new TableSchema(source.id(), columns, key, foreignKeys);
    RowLayout layout = mapped.layout();
    return RowMapping.copying(mapped, source.layout().columns(), row -> Row.wrap(layout, row.values()));
  }

  private String renamed(String column) {
    return oldToNew.getOrDefault(column, column);
  }
}
