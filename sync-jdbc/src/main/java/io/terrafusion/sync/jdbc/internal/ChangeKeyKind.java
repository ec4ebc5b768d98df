package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.terrafusion.sync.api.Column;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * How change-capture triggers record one key column in the JSON array of a change row, and how the
 * recorded element decodes back to the column's canonical value (see {@link
 * io.terrafusion.sync.jdbc.spi.Dialect#createChangeTriggers}). The triggers write every type whose
 * JSON form could be read two ways (decimals, dates, timestamps, bytes) as one canonical text, so
 * decoding never depends on the session that wrote it.
 */
public enum ChangeKeyKind {
  INTEGER, BOOLEAN, DECIMAL, STRING, UUID, DATE, TIMESTAMP, INSTANT, BYTES;

  /**
   * The kind of a key column.
   *
   * @throws IllegalArgumentException if change capture cannot record the column's type, naming it
   */
  public static ChangeKeyKind of(Column column) {
    String typeName = column.typeName().toUpperCase(Locale.ROOT);
    if (typeName.equals("UUID")) {
      return UUID;
    }
    if (typeName.equals("YEAR")) {
      return INTEGER;
    }
    return switch (column.jdbcType()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> INTEGER;
      case BOOLEAN, BIT -> BOOLEAN;
      case DECIMAL, NUMERIC -> DECIMAL;
      case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> STRING;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case TIMESTAMP_WITH_TIMEZONE -> INSTANT;
      case BINARY, VARBINARY, LONGVARBINARY, BLOB -> BYTES;
      default -> throw new IllegalArgumentException("key column " + column.name() + " has type " + column.typeName()
          + " (" + column.jdbcType() + "), which change capture cannot record");
    };
  }

  /**
   * The canonical value of a recorded element.
   *
   * @throws IllegalArgumentException if the element is not a value of this kind; the message names
   *     the kind, never the value
   */
  public Object decode(JsonNode element) {
    String text = element.isTextual() ? element.textValue() : element.asText();
    try {
      return switch (this) {
        case INTEGER -> integer(new BigDecimal(text));
        case BOOLEAN -> bool(element, text);
        case DECIMAL -> new BigDecimal(text);
        case STRING -> text;
        case UUID -> java.util.UUID.fromString(text);
        case DATE -> LocalDate.parse(text);
        case TIMESTAMP -> LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11) : text);
        case INSTANT -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        case BYTES -> HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a recorded key element that is not a " + this + " value", e);
    }
  }

  /** Adds the element of a column of this kind, read from a result set, to a recorded key. */
  void record(ArrayNode key, ResultSet row, int column) throws SQLException {
    switch (this) {
      case INTEGER, DECIMAL -> key.add(row.getBigDecimal(column).toPlainString());
      case BOOLEAN -> key.add(row.getBoolean(column));
      case STRING -> key.add(row.getString(column));
      case UUID -> key.add(row.getObject(column, java.util.UUID.class).toString());
      case DATE -> key.add(row.getObject(column, LocalDate.class).toString());
      case TIMESTAMP -> key.add(row.getObject(column, LocalDateTime.class).toString());
      case INSTANT -> key.add(row.getObject(column, OffsetDateTime.class).toInstant().toString());
      case BYTES -> key.add(HexFormat.of().formatHex(row.getBytes(column)));
    }
  }

  private static Object integer(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException tooLarge) {
      return value;
    }
  }

  private static Boolean bool(JsonNode element, String text) {
    if (element.isBoolean()) {
      return element.booleanValue();
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "1", "true", "t" -> true;
      case "0", "false", "f" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }
}
