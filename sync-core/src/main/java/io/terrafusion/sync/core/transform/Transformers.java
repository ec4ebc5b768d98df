package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The built-in transformers. Each one is scoped to one source table: bound to any other table it is
 * the identity. Compose them with {@link Transformer#andThen}:
 *
 * <pre>{@code
 * TableId orders = TableId.of("orders");
 * Transformer t = Transformers.renameColumns(orders, Map.of("id", "order_id"))
 *     .andThen(Transformers.dropColumns(orders, "internal_note"))
 *     .andThen(Transformers.filterRows(orders, row -> !Boolean.TRUE.equals(row.get("deleted"))))
 *     .andThen(Transformers.renameTable(orders, "sales_orders"));
 * }</pre>
 *
 * <p>Scope is decided by the id of the schema a transformer is bound to, which in a chain is the id
 * left by the transformers before it: after {@code renameTable(orders, "sales_orders")}, a later
 * transformer scoped to {@code orders} no longer applies. Put table renames last.
 *
 * <p>Arguments are checked when a factory is called ({@link NullPointerException} for null,
 * {@link IllegalArgumentException} for a bad value). Whether a transformer fits a table is checked
 * when it is bound ({@link Transformer#bind}): a rename or drop of a column the table lacks, a
 * resulting duplicate column name, or a drop of a key column throws {@link IllegalArgumentException}
 * naming the table and column. Bound mappings look nothing up by name per row.
 *
 * <p>The transformers and their mappings are immutable and thread-safe, provided the functions and
 * predicates given to them are.
 */
public final class Transformers {
  private Transformers() {}

  /**
   * Applies {@code transformer} to one table only; bound to any other table, the result is the
   * identity.
   *
   * @param table the source table (as named at this point of a chain) to transform
   * @param transformer the transformer to apply to it
   */
  public static Transformer forTable(TableId table, Transformer transformer) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(transformer, "transformer");
    return source -> source.id().equals(table) ? transformer.bind(source) : RowMapping.identity(source);
  }

  /**
   * Gives a table another name in the same schema; columns, key and rows are unchanged.
   *
   * @param from the table to rename
   * @param newName the new table name
   * @throws IllegalArgumentException if {@code newName} is blank or holds a NUL character
   */
  public static Transformer renameTable(TableId from, String newName) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(newName, "newName");
    try {
      from.withName(newName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("newName must be a valid table name: " + e.getMessage(), e);
    }
    return forTable(from, new TableRename(newName));
  }

  /**
   * Renames columns of a table. Key columns may be renamed: the mapped schema's primary key (and its
   * foreign keys) follow the new names, and the key values stay as they are. Renames apply at once,
   * so {@code a -> b, b -> a} swaps two names.
   *
   * @param table the table whose columns to rename
   * @param oldToNew each old column name with its new name
   * @throws IllegalArgumentException if a new name is blank; at bind time, if the table lacks an old
   *     name or the result would hold two columns of one name
   */
  public static Transformer renameColumns(TableId table, Map<String, String> oldToNew) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(oldToNew, "oldToNew");
    Map<String, String> renames = new LinkedHashMap<>();
    oldToNew.forEach((oldName, newName) -> {
      Objects.requireNonNull(oldName, "oldToNew key");
      Objects.requireNonNull(newName, "oldToNew value");
      if (newName.isBlank()) {
        throw new IllegalArgumentException("oldToNew must not map column " + oldName + " to a blank name");
      }
      renames.put(oldName, newName);
    });
    return forTable(table, new ColumnRename(Collections.unmodifiableMap(renames)));
  }

  /**
   * Leaves columns out of a table's rows. Foreign keys over a dropped column are left out of the
   * mapped schema.
   *
   * @param table the table whose columns to drop
   * @param columns the names of the columns to drop; at least one
   * @throws IllegalArgumentException if no column is given; at bind time, if the table lacks one of
   *     them or one is part of the primary key
   */
  public static Transformer dropColumns(TableId table, String... columns) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    if (columns.length == 0) {
      throw new IllegalArgumentException("columns must name at least one column to drop");
    }
    Set<String> dropped = new LinkedHashSet<>();
    for (String column : columns) {
      dropped.add(Objects.requireNonNull(column, "column"));
    }
    return forTable(table, new ColumnDrop(Collections.unmodifiableSet(dropped)));
  }

  /**
   * Adds a column whose value is computed from each source row, at the end of the row; if the table
   * already has a column of that name, the computed column replaces it in place.
   *
   * <p>If {@code value} throws, mapping the row fails with a {@link RowMappingException} naming the
   * table, key and column (the engine dead-letters the row).
   *
   * @param table the table to extend
   * @param column the computed column's metadata, name included
   * @param value computes the value (canonical form, or null) from the source row
   * @throws IllegalArgumentException at bind time, if {@code column} names a primary-key column
   */
  public static Transformer computedColumn(TableId table, Column column, Function<Row, @Nullable Object> value) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    return forTable(table, new ComputedColumn(column, value));
  }

  /**
   * Converts the values of one column and declares its new type. The column keeps its name and
   * position; {@code f} receives every value of the column, NULL included.
   *
   * <p>If {@code f} throws, mapping the row fails with a {@link
   * io.terrafusion.sync.api.ValueConversionException} naming the table, key, column and both type
   * names (the engine dead-letters the row). Converting a key column must keep the key's values
   * equal under {@link io.terrafusion.sync.api.CanonicalValues#equal}.
   *
   * @param table the table whose column to convert
   * @param column the name of the column to convert
   * @param newType the column's new metadata; its name must be {@code column}
   * @param f converts one value to its new canonical form
   * @throws IllegalArgumentException if {@code newType} has another name than {@code column}; at bind
   *     time, if the table lacks the column
   */
  public static Transformer convertColumn(
      TableId table, String column, Column newType, Function<@Nullable Object, @Nullable Object> f) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(newType, "newType");
    Objects.requireNonNull(f, "f");
    if (!newType.name().equals(column)) {
      throw new IllegalArgumentException("newType must be named " + column + " (the converted column) but was named "
          + newType.name() + "; rename columns with renameColumns");
    }
    return forTable(table, new ColumnConversion(newType, f));
  }

  /**
   * Keeps the rows of a table that {@code keep} accepts; the others map to null (filtered, not
   * written). If {@code keep} throws, mapping the row fails with a {@link RowMappingException}.
   *
   * @param table the table to filter
   * @param keep whether to keep a source row
   */
  public static Transformer filterRows(TableId table, Predicate<Row> keep) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keep, "keep");
    return forTable(table, new RowFilter(keep));
  }
}
