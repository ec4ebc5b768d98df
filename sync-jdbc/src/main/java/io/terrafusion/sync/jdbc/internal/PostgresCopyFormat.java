package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValueConversionException;
import java.io.IOException;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes rows of canonical values in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: one
 * line per row, fields separated by tabs, {@code \N} for NULL (so an empty string stays an empty
 * string), and backslash, tab, newline and carriage return escaped with a backslash. Each value
 * is converted by the same rules as the batched path's handlers, so both paths store the same thing.
 */
final class PostgresCopyFormat {
  private static final HexFormat HEX = HexFormat.of();

  /** How one column's values become COPY text, before escaping. */
  @FunctionalInterface
  private interface Field {
    String text(Object value);
  }

  private final TableId table;
  private final List<Column> columns;
  private final Field[] fields;
  private final boolean[] plain;

  PostgresCopyFormat(TableId table, List<Column> columns) {
    this.table = table;
    this.columns = columns;
    this.fields = columns.stream().map(PostgresCopyFormat::field).toArray(Field[]::new);
    this.plain = new boolean[columns.size()];
    for (int i = 0; i < plain.length; i++) {
      plain[i] = isPlain(columns.get(i));
    }
  }

  /**
   * Whether the column's text can hold no character COPY escapes: numbers, booleans, dates, times and
   * UUIDs. Text, JSON and bytes (whose {@code \x} prefix is itself escaped) go through
   * {@link CopyTextOutput#escaped}.
   */
  private static boolean isPlain(Column column) {
    if (PostgresTypeHandlers.isJson(column) || PostgresTypeHandlers.isUserDefinedString(column)) {
      return false;
    }
    if (column.typeName().equalsIgnoreCase("uuid")) {
      return true;
    }
    return switch (column.jdbcType()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, NUMERIC, REAL, FLOAT, DOUBLE, BOOLEAN, BIT, DATE, TIME,
          TIMESTAMP, TIMESTAMP_WITH_TIMEZONE -> true;
      default -> false;
    };
  }

  /**
   * Writes one row as a line.
   *
   * @throws ValueConversionException if a value cannot be written to its column, naming the table,
   *     the column, the row's key and the types, never the value
   * @throws IOException if the output fails
   */
  void write(Row row, CopyTextOutput out) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.separator('\t');
      }
      Object value = row.get(i);
      if (value == null) {
        out.nullValue();
        continue;
      }
      try {
        String text = fields[i].text(value);
        if (plain[i]) {
          out.plain(text);
        } else {
          out.escaped(text);
        }
      } catch (IllegalArgumentException e) {
        Column column = columns.get(i);
        throw new ValueConversionException(table, row.key(), column.name(), value.getClass().getSimpleName(),
            column.typeName(), e);
      }
    }
    out.separator('\n');
  }

  private static Field field(Column column) {
    if (PostgresTypeHandlers.isJson(column) || PostgresTypeHandlers.isUserDefinedString(column)) {
      return PostgresCopyFormat::string;
    }
    if (column.typeName().equalsIgnoreCase("uuid")) {
      return value -> Values.as(value, UUID.class).toString();
    }
    return switch (column.jdbcType()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> value -> Long.toString(Values.toLong(value));
      case DECIMAL, NUMERIC -> value -> Values.toBigDecimal(value).toPlainString();
      case REAL, FLOAT, DOUBLE -> value -> floating(Values.toDouble(value));
      case BOOLEAN, BIT -> value -> Values.as(value, Boolean.class) ? "t" : "f";
      case DATE -> value -> date(Values.as(value, LocalDate.class));
      case TIME -> value -> Values.as(value, LocalTime.class).toString();
      case TIMESTAMP -> value -> timestamp(Values.as(value, LocalDateTime.class), "");
      case TIMESTAMP_WITH_TIMEZONE ->
          value -> timestamp(LocalDateTime.ofInstant(Values.toInstant(value), ZoneOffset.UTC), "+00");
      case BINARY, VARBINARY, LONGVARBINARY, BLOB -> value -> "\\x" + HEX.formatHex(Values.as(value, byte[].class));
      default -> PostgresCopyFormat::anyText;
    };
  }

  /** A column of a type this format does not know takes text, which the server parses as the column's type. */
  private static String anyText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw Values.unsupported(value, "String");
  }

  /** Text, whose NUL characters {@link CopyTextOutput#escaped} refuses as it writes them. */
  private static String string(Object value) {
    return Values.as(value, String.class);
  }

  private static String floating(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(value);
  }

  /** PgJDBC reads PostgreSQL's infinite dates and timestamps as the MIN and MAX of java.time; so does COPY. */
  private static String date(LocalDate date) {
    return date.equals(LocalDate.MAX) ? "infinity" : date.equals(LocalDate.MIN) ? "-infinity" : date(date, "");
  }

  /**
   * The day, then {@code timeOfDay} (empty for a date), then a BC suffix for years before 1: PostgreSQL
   * counts those as positive years (year 0 is 1 BC).
   */
  private static String date(LocalDate date, String timeOfDay) {
    int year = date.getYear();
    if (year > 0 && year <= 9999) {
      // LocalDate's own ISO form, without a formatter on this per-value path.
      return date + timeOfDay;
    }
    String day = String.format(Locale.ROOT, "%04d-%02d-%02d", year > 0 ? year : 1 - year, date.getMonthValue(),
        date.getDayOfMonth());
    return year > 0 ? day + timeOfDay : day + timeOfDay + " BC";
  }

  private static String timestamp(LocalDateTime dateTime, String zone) {
    if (dateTime.equals(LocalDateTime.MAX) || dateTime.equals(LocalDateTime.MIN)) {
      return dateTime.equals(LocalDateTime.MAX) ? "infinity" : "-infinity";
    }
    // LocalTime's own ISO form (HH:mm[:ss[.fraction]]), which PostgreSQL reads; a formatter costs more.
    return date(dateTime.toLocalDate(), " " + dateTime.toLocalTime() + zone);
  }
}
