package io.terrafusion.sync.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a table: values in canonical Java form (see {@link CanonicalValues}) in the column order
 * of a shared {@link RowLayout}. NULL is {@code null}.
 *
 * <p>Rows compare equal when they have the same layout and their values are pairwise {@linkplain
 * CanonicalValues#equal equal}. A row's {@code toString} names its key only, never its values, so
 * that rows can appear in logs and messages without leaking data.
 *
 * <p>This class is immutable and thread-safe as long as the values themselves are not mutated; a
 * {@code byte[]} value must be treated as read-only.
 */
public final class Row {
  private final RowLayout layout;
  private final @Nullable Object[] values;

  private Row(RowLayout layout, @Nullable Object[] values) {
    this.layout = layout;
    this.values = values;
  }

  /**
   * A row of the given values, copied.
   *
   * @throws IllegalArgumentException if the number of values differs from the layout's size, or a
   *     key column is NULL
   */
  public static Row of(RowLayout layout, @Nullable Object... values) {
    return wrap(layout, values.clone());
  }

  /**
   * A row that takes ownership of {@code values}: the caller must not touch the array afterwards.
   * This avoids a copy on the hot path of readers that build a fresh array per row.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static Row wrap(RowLayout layout, @Nullable Object[] values) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(values, "values");
    if (values.length != layout.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values but its layout has "
          + layout.size() + " columns " + layout.columns());
    }
    for (int i = 0; i < layout.keySize(); i++) {
      if (values[layout.keyPosition(i)] == null) {
        throw new IllegalArgumentException("key column " + layout.column(layout.keyPosition(i)) + " must not be NULL");
      }
    }
    return new Row(layout, values);
  }

  /**
   * A row from a map of column name to value; columns missing from the map are NULL.
   *
   * @throws IllegalArgumentException if the map names a column that the layout lacks, or a key
   *     column is NULL
   */
  public static Row fromMap(RowLayout layout, Map<String, ?> values) {
    Object[] array = new Object[layout.size()];
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      array[layout.position(entry.getKey())] = entry.getValue();
    }
    return wrap(layout, array);
  }

  /** The layout this row follows. */
  public RowLayout layout() {
    return layout;
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The value at a column position. */
  public @Nullable Object get(int position) {
    return values[position];
  }

  /**
   * The value of the named column.
   *
   * @throws IllegalArgumentException if the layout has no such column
   */
  public @Nullable Object get(String column) {
    return values[layout.position(column)];
  }

  /** The primary key of this row. */
  public RowKey key() {
    Object[] key = new Object[layout.keySize()];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[layout.keyPosition(i)];
    }
    return RowKey.wrap(key);
  }

  /** A copy of the values, in column order. */
  public @Nullable Object[] values() {
    return values.clone();
  }

  /**
   * This row with one value replaced.
   *
   * @throws IllegalArgumentException if the layout has no such column, or a key column becomes NULL
   */
  public Row with(String column, @Nullable Object value) {
    Object[] copy = values.clone();
    copy[layout.position(column)] = value;
    return wrap(layout, copy);
  }

  /** The values as an insertion-ordered map of column name to value. */
  public Map<String, @Nullable Object> toMap() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>(values.length * 2);
    for (int i = 0; i < values.length; i++) {
      map.put(layout.column(i), values[i]);
    }
    return map;
  }

  /** Whether this row holds the same values as another row of the same layout. */
  public boolean sameValues(Row other) {
    return CanonicalValues.equalAll(values, other.values);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Row other && layout.equals(other.layout) && sameValues(other));
  }

  @Override
  public int hashCode() {
    return CanonicalValues.hashAll(layout.hashCode(), values);
  }

  @Override
  public String toString() {
    return "Row" + key();
  }
}
