package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Leaves out non-key columns; foreign keys over a dropped column are left out with it. */
final class ColumnDrop implements Transformer {
  private final Set<String> dropped;

  ColumnDrop(Set<String> dropped) {
    this.dropped = dropped;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    for (String column : dropped) {
      if (source.column(column).isEmpty()) {
        throw new IllegalArgumentException(
            "dropColumns on table " + source.id() + ": the table has no column " + column + " to drop");
      }
      if (source.primaryKey().contains(column)) {
        throw new IllegalArgumentException("dropColumns on table " + source.id() + ": column " + column
            + " is part of the primary key and cannot be dropped");
      }
    }
    List<Column> columns = new ArrayList<>();
    int[] kept = new int[source.columns().size() - dropped.size()];
    for (int i = 0, k = 0; i < source.columns().size(); i++) {
      Column column = source.column(i);
      if (!dropped.contains(column.name())) {
        columns.add(column);
        kept[k++] = i;
      }
    }
    List<ForeignKey> foreignKeys = source.foreignKeys().stream()
        .filter(fk -> Collections.disjoint(fk.columns(), dropped))
        .toList();
    TableSchema mapped = new TableSchema(source.id(), columns, source.primaryKey(), foreignKeys);
    RowLayout layout = mapped.layout();
    return RowMapping.copying(mapped, columns.stream().map(Column::name).toList(), row -> {
      @Nullable Object[] values = new Object[kept.length];
      for (int i = 0; i < kept.length; i++) {
        values[i] = row.get(kept[i]);
      }
      return Row.wrap(layout, values);
    });
  }
}
