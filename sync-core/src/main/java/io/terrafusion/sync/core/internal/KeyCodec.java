package io.terrafusion.sync.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.RowKey;
import java.util.ArrayList;
import java.util.List;

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
      pair.add(CanonicalValues.typeTag(value));
      pair.add(CanonicalValues.toText(value));
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

  private static Object value(String tag, String text) {
    try {
      return CanonicalValues.fromText(tag, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint position holds " + e.getMessage(), e);
    }
  }
}
