package io.terrafusion.sync.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a table: its name, columns, primary key and foreign keys, with the {@link RowLayout}
 * its rows share.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TableSchema {
  private final TableId id;
  private final List<Column> columns;
  private final List<ForeignKey> foreignKeys;
  private final RowLayout layout;

  /**
   * A table schema.
   *
   * @param id the table
   * @param columns the columns in row order
   * @param primaryKey the primary-key column names in key order
   * @param foreignKeys the foreign keys, possibly none
   * @throws IllegalArgumentException if the table has no columns or no primary key, a column name
   *     repeats, or a key column is not among the columns
   */
  public TableSchema(TableId id, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
    this.id = Objects.requireNonNull(id, "id");
    this.columns = List.copyOf(columns);
    this.foreignKeys = List.copyOf(foreignKeys);
    List<String> names = new ArrayList<>(this.columns.size());
    for (Column column : this.columns) {
      names.add(column.name());
    }
    try {
      this.layout = RowLayout.of(names, List.copyOf(primaryKey));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("table " + id + ": " + e.getMessage(), e);
    }
  }

  /** The table. */
  public TableId id() {
    return id;
  }

  /** The columns in row order. */
  public List<Column> columns() {
    return columns;
  }

  /** The column at the given row position. */
  public Column column(int position) {
    return columns.get(position);
  }

  /** The named column, if this table has it. */
  public Optional<Column> column(String name) {
    int position = layout.indexOf(name);
    return position < 0 ? Optional.empty() : Optional.of(columns.get(position));
  }

  /** The primary-key column names in key order. */
  public List<String> primaryKey() {
    return layout.keyColumns();
  }

  /** The foreign keys of this table. */
  public List<ForeignKey> foreignKeys() {
    return foreignKeys;
  }

  /** The layout shared by this table's rows. */
  public RowLayout layout() {
    return layout;
  }

  /** This schema under another table name, everything else kept. */
  public TableSchema withId(TableId newId) {
    return new TableSchema(newId, columns, primaryKey(), foreignKeys);
  }

  /** This schema with other columns and the same key and foreign keys. */
  public TableSchema withColumns(List<Column> newColumns, List<String> newPrimaryKey) {
    return new TableSchema(id, newColumns, newPrimaryKey, foreignKeys);
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof TableSchema other
            && id.equals(other.id)
            && columns.equals(other.columns)
            && layout.equals(other.layout)
            && foreignKeys.equals(other.foreignKeys));
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, columns, layout, foreignKeys);
  }

  @Override
  public String toString() {
    return "TableSchema[" + id + " " + columns + " key " + primaryKey() + "]";
  }
}
