package io.terrafusion.sync.api;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The primary-key values of a row, in key-column order. Keys order column by column under {@link
 * CanonicalValues#compare}: numbers numerically, strings byte-wise by UTF-8, so that every database
 * and the engine agree on one order.
 *
 * <p>Keys appear in messages and logs (row values never do). This class is immutable and
 * thread-safe.
 */
public final class RowKey implements Comparable<RowKey> {
  private final Object[] values;

  private RowKey(Object[] values) {
    this.values = values;
  }

  /**
   * A key of the given values, copied.
   *
   * @throws IllegalArgumentException if there are no values or one is null
   */
  public static RowKey of(Object... values) {
    return wrap(values.clone());
  }

  /**
   * A key of the given values, copied.
   *
   * @throws IllegalArgumentException as {@link #of(Object...)}
   */
  public static RowKey of(List<?> values) {
    return wrap(values.toArray());
  }

  static RowKey wrap(Object[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("a key needs at least one value");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new IllegalArgumentException("key value " + i + " must not be null");
      }
    }
    return new RowKey(values);
  }

  /** The number of key columns. */
  public int size() {
    return values.length;
  }

  /** The {@code i}-th key value. */
  public Object get(int i) {
    return values[i];
  }

  /** The key values in key-column order. */
  public List<Object> values() {
    return List.of(values);
  }

  /**
   * Orders keys column by column.
   *
   * @throws IllegalArgumentException if the keys have different sizes or a pair of values has no
   *     common order
   */
  @Override
  public int compareTo(RowKey other) {
    if (other.values.length != values.length) {
      throw new IllegalArgumentException("cannot order key " + this + " against key " + other
          + " of another size");
    }
    for (int i = 0; i < values.length; i++) {
      int c = CanonicalValues.compare(values[i], other.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof RowKey other && CanonicalValues.equalAll(values, other.values));
  }

  @Override
  public int hashCode() {
    return CanonicalValues.hashAll(1, values);
  }

  /** The values in parentheses, such as {@code (42, 'R-17')}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = values[i];
      if (v instanceof String s) {
        sb.append('\'').append(s).append('\'');
      } else if (v instanceof byte[] b) {
        sb.append("0x").append(HexFormat.of().formatHex(b));
      } else {
        sb.append(v);
      }
    }
    return sb.append(')').toString();
  }
}
