package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
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

  /** The mapping that returns each row as it is. */
  static RowMapping identity(TableSchema schema) {
    return of(schema, row -> row);
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
