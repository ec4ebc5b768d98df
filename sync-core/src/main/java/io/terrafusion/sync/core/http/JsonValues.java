package io.terrafusion.sync.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row values to JSON and back. Out: numbers, strings, booleans and JSON trees as they are; bytes in
 * base64; times, dates and UUIDs as ISO text. In: a JSON object checked column by column against the
 * target's schema and converted to the canonical Java form of each column's JDBC type.
 */
final class JsonValues {
  private JsonValues() {}

  static @Nullable Object out(@Nullable Object value) {
    if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
        || value instanceof JsonNode) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return value.toString();
  }

  static @Nullable Map<String, @Nullable Object> out(@Nullable Row row) {
    if (row == null) {
      return null;
    }
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    row.toMap().forEach((column, value) -> map.put(column, out(value)));
    return map;
  }

  static List<@Nullable Object> out(RowKey key) {
    List<@Nullable Object> values = new ArrayList<>();
    key.values().forEach(v -> values.add(out(v)));
    return values;
  }

  /**
   * The supplied row as a row of a projection of the target's schema: the key columns, filled from
   * the conflict's key where missing, and the columns supplied.
   *
   * @throws HttpProblem 400 naming {@code row.<column>} for an unknown column, a value of the wrong
   *     type, a NULL in a NOT NULL column or a key value other than the conflict's
   */
  static Row in(JsonNode supplied, TableSchema schema, RowKey key) {
    if (!supplied.isObject()) {
      throw HttpProblem.badField("row", "row must be a JSON object of column names to values");
    }
    Set<String> columns = new HashSet<>(schema.primaryKey());
    for (Iterator<String> names = supplied.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.column(name).isEmpty()) {
        // the name is not echoed: what the caller sent never comes back in a problem
        throw HttpProblem.badField("row", "row names a column the target table " + schema.id() + " does not have");
      }
      columns.add(name);
    }
    List<Column> projected = schema.columns().stream().filter(c -> columns.contains(c.name())).toList();
    TableSchema projection = schema.withColumns(projected, schema.primaryKey());
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    for (int i = 0; i < schema.primaryKey().size(); i++) {
      values.put(schema.primaryKey().get(i), key.get(i));
    }
    for (Column column : projected) {
      JsonNode node = supplied.get(column.name());
      if (node == null) {
        continue;
      }
      Object value = convert(column, node);
      if (value == null && !column.nullable()) {
        throw HttpProblem.badField("row." + column.name(), "the column is NOT NULL");
      }
      values.put(column.name(), value);
    }
    Row row = Row.fromMap(projection.layout(), values);
    if (!row.key().equals(key)) {
      throw HttpProblem.badField("row", "the key columns must hold the conflict's key");
    }
    return row;
  }

  private static @Nullable Object convert(Column column, JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    try {
      return switch (column.jdbcType()) {
        case TINYINT, SMALLINT, INTEGER, BIGINT -> whole(node, column);
        case DECIMAL, NUMERIC -> decimal(node, column);
        case REAL, FLOAT, DOUBLE -> decimal(node, column).doubleValue();
        case BIT, BOOLEAN -> bool(node, column);
        case DATE -> LocalDate.parse(text(node, column));
        case TIME -> LocalTime.parse(text(node, column));
        case TIMESTAMP -> LocalDateTime.parse(text(node, column));
        case TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text(node, column)).toInstant();
        case BINARY, VARBINARY, LONGVARBINARY, BLOB -> Base64.getDecoder().decode(text(node, column));
        case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> text(node, column);
        default -> otherType(column, node);
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw HttpProblem.badField("row." + column.name(), "the value does not fit the column's type "
          + column.jdbcType().getName());
    }
  }

  private static Object otherType(Column column, JsonNode node) {
    String type = column.typeName().toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return node;
    }
    if (type.equals("uuid")) {
      return UUID.fromString(text(node, column));
    }
    return node.isTextual() ? node.asText() : node;
  }

  private static Long whole(JsonNode node, Column column) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw mismatch(column);
    }
    return node.longValue();
  }

  private static BigDecimal decimal(JsonNode node, Column column) {
    if (!node.isNumber()) {
      throw mismatch(column);
    }
    return node.decimalValue();
  }

  private static Boolean bool(JsonNode node, Column column) {
    if (!node.isBoolean()) {
      throw mismatch(column);
    }
    return node.booleanValue();
  }

  private static String text(JsonNode node, Column column) {
    if (!node.isTextual()) {
      throw mismatch(column);
    }
    return node.textValue();
  }

  private static HttpProblem mismatch(Column column) {
    return HttpProblem.badField("row." + column.name(), "the value does not fit the column's type "
        + column.jdbcType().getName());
  }
}
