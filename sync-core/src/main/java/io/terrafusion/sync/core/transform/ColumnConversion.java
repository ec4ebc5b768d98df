package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Replaces one column's type and converts its values; the column keeps its name and position. */
final class ColumnConversion implements Transformer {
  private final Column newType;
  private final Function<@Nullable Object, @Nullable Object> conversion;

  ColumnConversion(Column newType, Function<@Nullable Object, @Nullable Object> conversion) {
    this.newType = newType;
    this.conversion = conversion;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    String name = newType.name();
    int position = source.layout().indexOf(name);
    if (position < 0) {
      throw new IllegalArgumentException(
          "convertColumn on table " + source.id() + ": the table has no column " + name + " to convert");
    }
    String sourceType = source.column(position).typeName();
    List<Column> columns = new ArrayList<>(source.columns());
    columns.set(position, newType);
    TableSchema mapped = source.withColumns(columns, source.primaryKey());
    RowLayout layout = mapped.layout();
    return RowMapping.of(mapped, row -> {
      @Nullable Object[] values = row.values();
      try {
        values[position] = conversion.apply(values[position]);
      } catch (RuntimeException e) {
        throw new ValueConversionException(source.id(), row.key(), name, sourceType, newType.typeName(), e);
      }
      return Row.wrap(layout, values);
    });
  }
}
