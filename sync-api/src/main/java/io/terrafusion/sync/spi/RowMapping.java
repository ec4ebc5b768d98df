package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transformer} bound to one source table: the schema of the rows it produces, and the
 * function from a source row to a target row.
 *
 * <p>Implementations are thread-safe.
 */
public interface RowMapping {

  /** The shape of the rows {@link #apply} returns: table name, columns and primary key. */
  TableSchema schema();

  /**
   * Maps one row.
   *
   * @param row a row of the bound source table (or of the previous mapping in a chain)
   * @return the row in {@link #schema()}'s layout, or null to drop the row (filtered)
   * @throws RuntimeException if the row cannot be mapped; the engine dead-letters the row with the
   *     exception's message as the reason
   */
  @Nullable Row apply(Row row);

  /**
   * For each column of {@link #schema()}, in order, the name of the bound source column whose values
   * it carries unchanged; empty unless this mapping only renames, reorders or drops columns and keeps
   * every row. Detectors that compare source and target inside the databases (hash-diff) rely on it;
   * the default, empty, is always safe: they then compare rows after mapping them.
   */
  default List<String> sourceColumns() {
    return List.of();
  }

  /** The mapping that returns each row as it is. */
  static RowMapping identity(TableSchema schema) {
    return copying(schema, schema.columns().stream().map(Column::name).toList(), row -> row);
  }

  /**
   * A mapping that carries values unchanged, only renaming, reordering or dropping columns.
   *
   * @param schema the mapped schema
   * @param sourceColumns for each column of {@code schema}, the source column it is copied from
   * @param function the mapping; it must keep every row and copy the values as declared
   * @throws IllegalArgumentException if {@code sourceColumns} does not name one column per column of
   *     {@code schema}
   */
  static RowMapping copying(TableSchema schema, List<String> sourceColumns, Function<Row, Row> function) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(function, "function");
    List<String> columns = List.copyOf(sourceColumns);
    if (columns.size() != schema.columns().size()) {
      throw new IllegalArgumentException("sourceColumns must name one source column for each of "
          + schema.layout().columns() + " but was " + columns);
    }
    return new RowMapping() {
      @Override
      public TableSchema schema() {
        return schema;
      }

      @Override
      public Row apply(Row row) {
        return function.apply(row);
      }

      @Override
      public List<String> sourceColumns() {
        return columns;
      }
    };
  }

  /** A mapping from a schema and a function. */
  static RowMapping of(TableSchema schema, Function<Row, @Nullable Row> function) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(function, "function");
    return new RowMapping() {
      @Override
      public TableSchema schema() {
        return schema;
      }

      @Override
      public @Nullable Row apply(Row row) {
        return function.apply(row);
      }
    };
  }
}
