package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.spi.Dialect;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.sql.JDBCType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical Java form into which a dialect's built-in data type handler reads a column, which
 * decides how the column is spelled in the checksum encoding ({@link Dialect#CHECKSUM_ALGORITHM}).
 * Deciding by the handler rather than by the column's type keeps the encoding in step with what reads
 * return, such as MariaDB's {@code TIMESTAMP} being an instant and its {@code TINYINT(1)} a boolean.
 */
enum CanonicalForm {
  INTEGER, DECIMAL, DOUBLE, SINGLE, STRING, BOOLEAN, DATE, TIME, TIMESTAMP, INSTANT, BYTES, UUID, JSON;

  private static final Map<DataTypeHandler, CanonicalForm> FORMS = Map.ofEntries(
      Map.entry(StandardTypeHandlers.INTEGERS, INTEGER),
      Map.entry(StandardTypeHandlers.DECIMALS, DECIMAL),
      Map.entry(StandardTypeHandlers.STRINGS, STRING),
      Map.entry(StandardTypeHandlers.BOOLEANS, BOOLEAN),
      Map.entry(StandardTypeHandlers.DATES, DATE),
      Map.entry(StandardTypeHandlers.TIMES, TIME),
      Map.entry(StandardTypeHandlers.TIMESTAMPS, TIMESTAMP),
      Map.entry(StandardTypeHandlers.INSTANTS, INSTANT),
      Map.entry(StandardTypeHandlers.BYTES, BYTES),
      Map.entry(StandardTypeHandlers.UUIDS, UUID),
      Map.entry(StandardTypeHandlers.JSON, JSON),
      Map.entry(PostgresTypeHandlers.STRINGS, STRING),
      Map.entry(PostgresTypeHandlers.DECIMALS, DECIMAL),
      Map.entry(PostgresTypeHandlers.REALS, SINGLE),
      Map.entry(PostgresTypeHandlers.JSON, JSON),
      Map.entry(MariaDbTypeHandlers.UNSIGNED_BIGINTS, INTEGER),
      Map.entry(MariaDbTypeHandlers.DATES, DATE),
      Map.entry(MariaDbTypeHandlers.YEARS, INTEGER),
      Map.entry(MariaDbTypeHandlers.TIMES, TIME),
      Map.entry(MariaDbTypeHandlers.DATE_TIMES, TIMESTAMP),
      Map.entry(MariaDbTypeHandlers.TIMESTAMPS, INSTANT),
      Map.entry(MariaDbTypeHandlers.UUIDS, UUID),
      Map.entry(H2Dialect.JSON, JSON));

  /**
   * The form the dialect's built-in handler of the column reads, or empty when no built-in handler
   * reads the column into a form the encoding knows.
   */
  static Optional<CanonicalForm> of(Dialect dialect, Column column) {
    return dialect.typeHandlers().find(column).flatMap(handler -> of(handler, column));
  }

  private static Optional<CanonicalForm> of(DataTypeHandler handler, Column column) {
    if (handler == StandardTypeHandlers.FLOATS || handler == MariaDbTypeHandlers.FLOATS) {
      return Optional.of(isDouble(column) ? DOUBLE : SINGLE);
    }
    if (handler instanceof PostgresEnumHandler) {
      return Optional.of(STRING);
    }
    return Optional.ofNullable(FORMS.get(handler));
  }

  /** Only DOUBLE columns are doubles; FLOAT and REAL may be single precision, read widened by some drivers. */
  private static boolean isDouble(Column column) {
    String name = column.typeName().toUpperCase(Locale.ROOT);
    return column.jdbcType() == JDBCType.DOUBLE && (name.startsWith("DOUBLE") || name.equals("FLOAT8"));
  }
}
