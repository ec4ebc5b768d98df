package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Appends a column computed from the source row, or replaces the column of the same name in place. */
final class ComputedColumn implements Transformer {
  private final Column column;
  private final Function<Row, @Nullable Object> value;

  ComputedColumn(Column column, Function<Row, @Nullable Object> value) {
    this.column = column;
    this.value = value;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    String name = column.name();
    if (source.primaryKey().contains(name)) {
      throw new IllegalArgumentException("computedColumn on table " + source.id() + ": column " + name
          + " is part of the primary key, and a transformer must keep key values");
    }
    int existing = source.layout().indexOf(name);
    List<Column> columns = new ArrayList<>(source.columns());
    if (existing >= 0) {
      columns.set(existing, column);
    } else {
      columns.add(column);
    }
    TableSchema mapped = source.withColumns(columns, source.primaryKey());
    RowLayout layout = mapped.layout();
    int position = existing >= 0 ? existing : columns.size() - 1;
    int size = columns.size();
    return RowMapping.of(mapped, row -> {
      @Nullable Object[] values = existing >= 0 ? row.values() : Arrays.copyOf(row.values(), size);
      values[position] = compute(source, row);
      return Row.wrap(layout, values);
    });
  }

  private @Nullable Object compute(TableSchema source, Row row) {
    try {
      return value.apply(row);
    } catch (RuntimeException e) {
      throw new RowMappingException("computing column " + column.name(), source.id(), row.key(), column.name(), e);
    }
  }
}
