package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Objects;

/**
 * Maps a source table's rows to the shape of the target table: renames the table or its columns,
 * converts, computes or drops columns, filters rows.
 *
 * <p>A transformer is bound once per table to the source schema ({@link #bind}); the resulting
 * {@link RowMapping} then maps each row without looking anything up by name. A transformer must keep
 * each row's primary-key <em>values</em> (it may rename key columns): the engine compares source and
 * target by key, and fails the table with a clear error if a mapping changes a key.
 *
 * <p>Implementations are thread-safe; the mappings they return are too.
 */
@FunctionalInterface
public interface Transformer {

  /**
   * Binds this transformer to a source table.
   *
   * @param source the schema of the rows that will be given to the mapping
   * @return the mapping, whose {@link RowMapping#schema()} is the shape of the rows it returns
   * @throws IllegalArgumentException if the transformer does not fit the table, such as a rename of
   *     a column the table lacks; the message names the table and column
   */
  RowMapping bind(TableSchema source);

  /** The transformer that changes nothing. */
  static Transformer identity() {
    return source -> RowMapping.identity(source);
  }

  /** This transformer, then {@code next} on its result. */
  default Transformer andThen(Transformer next) {
    Objects.requireNonNull(next, "next");
    Transformer first = this;
    return source -> {
      RowMapping a = first.bind(source);
      RowMapping b = next.bind(a.schema());
      List<String> aColumns = a.sourceColumns();
      List<String> bColumns = b.sourceColumns();
      if (!aColumns.isEmpty() && !bColumns.isEmpty()) {
        List<String> composed = bColumns.stream()
            .map(column -> aColumns.get(a.schema().layout().position(column)))
            .toList();
        return RowMapping.copying(b.schema(), composed, row -> Objects.requireNonNull(b.apply(
            Objects.requireNonNull(a.apply(row), "a copying mapping kept no row")), "a copying mapping kept no row"));
      }
      return RowMapping.of(b.schema(), row -> {
        var mid = a.apply(row);
        return mid == null ? null : b.apply(mid);
      });
    };
  }
}
