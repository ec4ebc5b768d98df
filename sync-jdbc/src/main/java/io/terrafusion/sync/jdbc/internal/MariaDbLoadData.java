package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValueConversionException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The text form of canonical values for {@code LOAD DATA}, and a stream of rows in its format: fields
 * separated by tabs, rows ended by newlines, {@code \N} for NULL (an empty field is the empty string),
 * and backslash escapes for backslash, tab, newline, carriage return and NUL. Bytes travel as hex and
 * {@code TIMESTAMP}s as epoch seconds, turned back by the {@code SET} clause of {@link #columnsClause}.
 * The same text forms are the parameters of the fallback {@code INSERT} of {@link #valuesClause}.
 */
final class MariaDbLoadData {
  private static final HexFormat HEX = HexFormat.of();

  /** How a column's text is turned back into its value on the server. */
  enum Kind {
    PLAIN, BYTES, TIMESTAMP, BIT;

    static Kind of(Column column) {
      if (MariaDbTypeHandlers.isTimestamp(column)) {
        return TIMESTAMP;
      }
      return switch (column.jdbcType()) {
        case BINARY, VARBINARY, LONGVARBINARY, BLOB -> BYTES;
        case BIT -> BIT;
        default -> PLAIN;
      };
    }

    String fromText(String text) {
      return switch (this) {
        case PLAIN -> text;
        case BYTES -> "UNHEX(" + text + ")";
        case TIMESTAMP -> "FROM_UNIXTIME(" + text + ")";
        case BIT -> "CAST(" + text + " AS UNSIGNED)";
      };
    }
  }

  private MariaDbLoadData() {}

  /** {@code (c1, @v2, ...) SET c2 = UNHEX(@v2), ...}: the column list and conversions of a LOAD DATA. */
  static String columnsClause(MariaDbDialect dialect, List<Column> columns) {
    StringBuilder names = new StringBuilder(" (");
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Kind kind = Kind.of(column);
      String quoted = dialect.quote(column.name());
      names.append(i == 0 ? "" : ", ");
      if (kind == Kind.PLAIN) {
        names.append(quoted);
      } else {
        names.append("@v").append(i);
        sets.append(sets.length() == 0 ? " SET " : ", ").append(quoted).append(" = ").append(kind.fromText("@v" + i));
      }
    }
    return names.append(')').append(sets).toString();
  }

  /** {@code VALUES (?, UNHEX(?), ...)}: the parameters of an INSERT that takes the same text forms. */
  static String valuesClause(List<Column> columns) {
    StringBuilder values = new StringBuilder(" VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      values.append(i == 0 ? "" : ", ").append(Kind.of(columns.get(i)).fromText("?"));
    }
    return values.append(')').toString();
  }

  /**
   * The text of a value for its column, or null for NULL.
   *
   * @throws ValueConversionException if the value cannot be written to the column
   */
  static @Nullable String text(TableId table, Row row, int index, Column column) {
    Object value = row.get(index);
    if (value == null) {
      return null;
    }
    try {
      return switch (Kind.of(column)) {
        case BYTES -> HEX.formatHex(Values.as(value, byte[].class));
        case TIMESTAMP -> MariaDbTypeHandlers.epochSeconds(Values.toInstant(value)).toPlainString();
        case BIT, PLAIN -> plain(value, column);
      };
    } catch (IllegalArgumentException e) {
      throw new ValueConversionException(table, row.key(), column.name(), value.getClass().getSimpleName(),
          column.typeName(), e);
    }
  }

  /** Checks every value of the rows, so that a stream never fails half-way through a load. */
  static void check(TableId table, List<Column> columns, List<Row> rows) {
    for (Row row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        text(table, row, i, columns.get(i));
      }
    }
  }

  /** The rows in LOAD DATA format, encoded one row at a time as the driver reads. */
  static InputStream stream(TableId table, List<Column> columns, List<Row> rows) {
    return new RowStream(table, columns, rows.iterator());
  }

  private static String plain(Object value, Column column) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return Double.toString(MariaDbTypeHandlers.finite(value));
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof LocalTime t) {
      return MariaDbTypeHandlers.TIME.format(t);
    }
    if (value instanceof LocalDateTime t) {
      return MariaDbTypeHandlers.DATE_TIME.format(t);
    }
    if (value instanceof UUID u) {
      return u.toString();
    }
    throw Values.unsupported(value, "value for a " + column.jdbcType() + " column");
  }

  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append("\\0");
        default -> out.append(c);
      }
    }
  }

  private static final class RowStream extends InputStream {
    private final TableId table;
    private final List<Column> columns;
    private final Iterator<Row> rows;
    private final StringBuilder line = new StringBuilder();
    private byte[] buffer = new byte[0];
    private int position;

    RowStream(TableId table, List<Column> columns, Iterator<Row> rows) {
      this.table = table;
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, buffer.length - position);
      System.arraycopy(buffer, position, target, offset, n);
      position += n;
      return n;
    }

    private boolean fill() {
      while (position == buffer.length) {
        if (!rows.hasNext()) {
          return false;
        }
        Row row = rows.next();
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            line.append('\t');
          }
          String text = text(table, row, i, columns.get(i));
          if (text == null) {
            line.append("\\N");
          } else {
            escape(text, line);
          }
        }
        line.append('\n');
        buffer = line.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      return true;
    }
  }
}
