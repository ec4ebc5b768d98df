package io.terrafusion.sync.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Conversions of canonical values for binding; each failure names the types, never the value. */
final class Values {
  private Values() {}

  static long toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      try {
        return value instanceof BigDecimal d ? d.longValueExact() : ((BigInteger) value).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " out of the range of a 64-bit integer", e);
      }
    }
    throw unsupported(value, "Long");
  }

  static BigDecimal toBigDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a non-finite " + value.getClass().getSimpleName() + " cannot be a BigDecimal");
      }
      return BigDecimal.valueOf(d);
    }
    throw unsupported(value, "BigDecimal");
  }

  static double toDouble(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw unsupported(value, "Double");
  }

  static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    throw unsupported(value, "Instant");
  }

  static <T> T as(Object value, Class<T> type) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw unsupported(value, type.getSimpleName());
  }

  /** A getter of a primitive that reports SQL NULL through {@link ResultSet#wasNull()}. */
  static @Nullable Object orNull(ResultSet resultSet, Object value) throws SQLException {
    return resultSet.wasNull() ? null : value;
  }

  /** Reads a text value and parses it, or null for SQL NULL. */
  static <T> @Nullable T parse(ResultSet resultSet, int index, Function<String, T> parser) throws SQLException {
    String text = resultSet.getString(index);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("stored text is not in the expected format", e);
    }
  }

  static IllegalArgumentException unsupported(Object value, String expected) {
    return new IllegalArgumentException("expected a " + expected + " but got a " + value.getClass().getName());
  }
}
