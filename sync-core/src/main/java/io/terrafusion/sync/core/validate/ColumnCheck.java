package io.terrafusion.sync.core.validate;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one target column against the value at one row position, decided once per schema so
 * that a row costs a few type tests and comparisons. At most one violation per column: the first rule
 * broken of not-null, type, then length or numeric-overflow.
 */
final class ColumnCheck {
  private enum Limit { NONE, LENGTH, DECIMAL, INTEGER_RANGE }

  private final int position;
  private final Column column;
  private final ValueFit fit;
  private final Limit limit;
  private final BigDecimal min;
  private final BigDecimal max;

  private ColumnCheck(int position, Column column, ValueFit fit, Limit limit, long min, long max) {
    this.position = position;
    this.column = column;
    this.fit = fit;
    this.limit = limit;
    this.min = BigDecimal.valueOf(min);
    this.max = BigDecimal.valueOf(max);
  }

  /** The checks of {@code column} for the values at {@code position} of a row. */
  static ColumnCheck of(int position, Column column) {
    JDBCType type = column.jdbcType();
    ValueFit fit = ValueFit.of(type);
    return switch (type) {
      case CHAR, VARCHAR, NCHAR, NVARCHAR ->
          new ColumnCheck(position, column, fit, column.size() > 0 ? Limit.LENGTH : Limit.NONE, 0, 0);
      case DECIMAL, NUMERIC ->
          new ColumnCheck(position, column, fit, column.size() > 0 ? Limit.DECIMAL : Limit.NONE, 0, 0);
      // TINYINT is signed on most databases and unsigned on SQL Server; accept the union of both.
      case TINYINT -> new ColumnCheck(position, column, fit, Limit.INTEGER_RANGE, Byte.MIN_VALUE, 255);
      case SMALLINT -> new ColumnCheck(position, column, fit, Limit.INTEGER_RANGE, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> new ColumnCheck(position, column, fit, Limit.INTEGER_RANGE, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> new ColumnCheck(position, column, fit, Limit.INTEGER_RANGE, Long.MIN_VALUE, Long.MAX_VALUE);
      default -> new ColumnCheck(position, column, fit, Limit.NONE, 0, 0);
    };
  }

  /** The rule the row's value breaks, or null when it fits. */
  @Nullable Violation check(Row row, TableId table) {
    Object value = row.get(position);
    if (value == null) {
      return column.nullable() ? null : violation(row, table, "not-null", "is NULL but the column is NOT NULL");
    }
    if (!fit.accepts(value)) {
      return violation(row, table, "type", "holds a " + value.getClass().getName()
          + ", which does not fit its type " + column.typeName() + " (" + column.jdbcType() + ")");
    }
    return switch (limit) {
      case NONE -> null;
      case LENGTH -> checkLength(row, table, (String) value);
      case DECIMAL -> checkDecimal(row, table, (Number) value);
      case INTEGER_RANGE -> checkRange(row, table, (Number) value);
    };
  }

  private @Nullable Violation checkLength(Row row, TableId table, String value) {
    int size = column.size();
    if (value.length() <= size || value.codePointCount(0, value.length()) <= size) {
      return null;
    }
    return violation(row, table, "length", "holds a " + value.getClass().getSimpleName() + " longer than the " + size
        + " characters its type " + column.typeName() + " (" + column.jdbcType() + ") holds");
  }

  private @Nullable Violation checkDecimal(Row row, TableId table, Number value) {
    int precision = column.size();
    int scale = column.scale();
    boolean approximate = value instanceof Double || value instanceof Float;
    if (approximate && !Double.isFinite(value.doubleValue())) {
      return violation(row, table, "numeric-overflow", "is not a finite number, which the column cannot hold");
    }
    BigDecimal exact = toBigDecimal(value);
    if (exact.signum() == 0 || fitsAsWritten(exact, precision, scale)) {
      return null;
    }
    exact = exact.stripTrailingZeros();
    // Approximate numbers are rounded to the scale by every database; only their integer digits overflow.
    if (!approximate && exact.scale() > scale) {
      return violation(row, table, "numeric-overflow",
          "has more digits after the decimal point than scale " + scale + " of the column allows");
    }
    if (exact.precision() - exact.scale() > precision - scale) {
      return violation(row, table, "numeric-overflow",
          "has more digits before the decimal point than precision " + precision + ", scale " + scale
              + " of the column allow");
    }
    return null;
  }

  /** The common case, decided without stripping zeros (which allocates): the value fits as it is written. */
  private static boolean fitsAsWritten(BigDecimal value, int precision, int scale) {
    return value.scale() >= 0 && value.scale() <= scale && value.precision() - value.scale() <= precision - scale;
  }

  private @Nullable Violation checkRange(Row row, TableId table, Number value) {
    boolean inRange;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long v = value.longValue();
      inRange = v >= min.longValue() && v <= max.longValue();
    } else {
      BigDecimal exact = toBigDecimal(value);
      inRange = exact.compareTo(min) >= 0 && exact.compareTo(max) <= 0;
    }
    return inRange ? null : violation(row, table, "numeric-overflow",
        "is outside the range of the column's type " + column.typeName() + " (" + column.jdbcType() + ")");
  }

  private static BigDecimal toBigDecimal(Number value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(value.doubleValue());
    }
    return BigDecimal.valueOf(value.longValue());
  }

  private Violation violation(Row row, TableId table, String rule, String problem) {
    String name = column.name();
    return new Violation(table, row.key(), name,
        rule, "column " + name + " of table " + table + " row " + row.key() + " " + problem);
  }
}
