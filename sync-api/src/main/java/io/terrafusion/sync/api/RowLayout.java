package io.terrafusion.sync.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The column names of a table's rows and the positions of its primary-key columns, shared by every
 * {@link Row} of that table so that a row costs one array, not a map.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RowLayout {
  private final String[] columns;
  private final int[] keyPositions;
  private final Map<String, Integer> index;

  private RowLayout(String[] columns, int[] keyPositions, Map<String, Integer> index) {
    this.columns = columns;
    this.keyPositions = keyPositions;
    this.index = index;
  }

  /**
   * A layout of the given columns with the given primary key.
   *
   * @param columns the column names in row order
   * @param keyColumns the primary-key column names in key order; each must be one of {@code columns}
   * @throws IllegalArgumentException if there are no columns, a name repeats, the key is empty, or a
   *     key column is not among the columns
   */
  public static RowLayout of(List<String> columns, List<String> keyColumns) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(keyColumns, "keyColumns");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns must not be empty");
    }
    if (keyColumns.isEmpty()) {
      throw new IllegalArgumentException("keyColumns must not be empty: every synced table needs a primary key");
    }
    String[] names = columns.toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      Identifiers.check("column name", Objects.requireNonNull(names[i], "column name"));
      if (index.put(names[i], i) != null) {
        throw new IllegalArgumentException("column " + names[i] + " appears more than once in " + columns);
      }
    }
    int[] keys = new int[keyColumns.size()];
    for (int i = 0; i < keys.length; i++) {
      Integer position = index.get(keyColumns.get(i));
      if (position == null) {
        throw new IllegalArgumentException("key column " + keyColumns.get(i) + " is not among the columns " + columns);
      }
      keys[i] = position;
    }
    return new RowLayout(names, keys, Map.copyOf(index));
  }

  /** The number of columns. */
  public int size() {
    return columns.length;
  }

  /** The name of the column at {@code position}. */
  public String column(int position) {
    return columns[position];
  }

  /** The column names in row order. */
  public List<String> columns() {
    return List.of(columns);
  }

  /** The primary-key column names in key order. */
  public List<String> keyColumns() {
    String[] names = new String[keyPositions.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = columns[keyPositions[i]];
    }
    return List.of(names);
  }

  /** The number of primary-key columns. */
  public int keySize() {
    return keyPositions.length;
  }

  /** The row position of the {@code i}-th primary-key column. */
  public int keyPosition(int i) {
    return keyPositions[i];
  }

  /** The position of the named column, or -1 when this layout has no such column. */
  public int indexOf(String column) {
    Integer position = index.get(column);
    return position == null ? -1 : position;
  }

  /**
   * The position of the named column.
   *
   * @throws IllegalArgumentException if this layout has no such column
   */
  public int position(String column) {
    int position = indexOf(column);
    if (position < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + Arrays.toString(columns));
    }
    return position;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof RowLayout other
            && Arrays.equals(columns, other.columns)
            && Arrays.equals(keyPositions, other.keyPositions));
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(columns) + Arrays.hashCode(keyPositions);
  }

  @Override
  public String toString() {
    return "RowLayout" + Arrays.toString(columns) + " key " + keyColumns();
  }
}
