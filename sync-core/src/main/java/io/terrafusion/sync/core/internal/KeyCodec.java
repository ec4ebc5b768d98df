package io.terrafusion.sync.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.terrafusion.sync.api.RowKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a row key as checkpoint text: a JSON array of {@code [tag, text]} pairs, so that each value
 * decodes to its own type and the decoded key equals the encoded one. Stateless and thread-safe.
 */
public final class KeyCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyCodec() {}

  /**
   * The text of a key.
   *
   * @throws IllegalArgumentException if a key value is of a type without a tag
   */
  public static String encode(RowKey key) {
    ArrayNode array = JSON.createArrayNode();
    for (Object value : key.values()) {
      ArrayNode pair = array.addArray();
      pair.add(tag(value));
      pair.add(text(value));
    }
    return array.toString();
  }

  /**
   * The key of a text made by {@link #encode}.
   *
   * @throws IllegalArgumentException if the text is not such a key
   */
  public static RowKey decode(String text) {
    JsonNode array;
    try {
      array = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("checkpoint position is not a JSON key: " + e.getOriginalMessage(), e);
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("checkpoint position must be a non-empty JSON array of [tag, value] pairs");
    }
    List<Object> values = new ArrayList<>(array.size());
    for (JsonNode pair : array) {
      if (!pair.isArray() || pair.size() != 2) {
        throw new IllegalArgumentException("checkpoint position holds an element that is not a [tag, value] pair");
      }
      values.add(value(pair.get(0).asText(), pair.get(1).asText()));
    }
    return RowKey.of(values);
  }

  private static String tag(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return "Long";
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      return "BigDecimal";
    }
    if (value instanceof Double || value instanceof Float) {
      return "Double";
    }
    if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      return "Instant";
    }
    if (value instanceof byte[]) {
      return "Bytes";
    }
    if (value instanceof String || value instanceof UUID || value instanceof LocalDate
        || value instanceof LocalDateTime || value instanceof LocalTime || value instanceof Instant
        || value instanceof Boolean) {
      return value.getClass().getSimpleName();
    }
    throw new IllegalArgumentException("a key value of type " + value.getClass().getName()
        + " cannot be written to a checkpoint");
  }

  private static String text(Object value) {
    if (value instanceof BigInteger i) {
      return new BigDecimal(i).toPlainString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant().toString();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant().toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Float f) {
      return Double.toString(f.doubleValue());
    }
    return value.toString();
  }

  private static Object value(String tag, String text) {
    @Nullable Object value;
    try {
      value = switch (tag) {
        case "Long" -> Long.valueOf(text);
        case "BigDecimal" -> new BigDecimal(text);
        case "Double" -> Double.valueOf(text);
        case "String" -> text;
        case "UUID" -> UUID.fromString(text);
        case "Bytes" -> Base64.getDecoder().decode(text);
        case "LocalDate" -> LocalDate.parse(text);
        case "LocalDateTime" -> LocalDateTime.parse(text);
        case "LocalTime" -> LocalTime.parse(text);
        case "Instant" -> Instant.parse(text);
        case "Boolean" -> Boolean.valueOf(text);
        default -> null;
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("checkpoint position holds a malformed " + tag + " value", e);
    }
    if (value == null) {
      throw new IllegalArgumentException("checkpoint position holds an unknown type tag " + tag);
    }
    return value;
  }
}
