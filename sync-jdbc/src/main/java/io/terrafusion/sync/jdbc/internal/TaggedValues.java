package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JSON trees of canonical values, keys, rows and table ids, each value a {@code [tag, text]} pair so
 * that it decodes to its own type: a JSON number would lose a BigDecimal's scale, a Double's NaN and
 * the difference between {@code 1} and {@code 1.0}. Stateless and thread-safe.
 */
public final class TaggedValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TaggedValues() {}

  /** {@code [schema or null, name]}. */
  public static ArrayNode table(TableId table) {
    ArrayNode node = NODES.arrayNode();
    node.add(table.schema());
    node.add(table.name());
    return node;
  }

  /**
   * The table id of a {@link #table} tree.
   *
   * @throws IllegalArgumentException if the tree is not one
   */
  public static TableId table(JsonNode node) {
    if (!node.isArray() || node.size() != 2 || !node.get(1).isTextual()) {
      throw new IllegalArgumentException("stored table id is not a [schema, name] pair");
    }
    JsonNode schema = node.get(0);
    return new TableId(schema.isNull() ? null : schema.asText(), node.get(1).asText());
  }

  /**
   * An array of tagged values.
   *
   * @throws IllegalArgumentException if a value is of a type without a tag
   */
  public static ArrayNode key(RowKey key) {
    ArrayNode node = NODES.arrayNode();
    for (Object value : key.values()) {
      node.add(value(value));
    }
    return node;
  }

  /**
   * The key of a {@link #key} tree.
   *
   * @throws IllegalArgumentException if the tree is not one
   */
  public static RowKey key(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException("stored key is not a non-empty array of tagged values");
    }
    List<Object> values = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      Object value = value(element);
      if (value == null) {
        throw new IllegalArgumentException("stored key holds a NULL value");
      }
      values.add(value);
    }
    return RowKey.of(values);
  }

  /**
   * {@code {"columns": [...], "key": [...], "values": [...]}}: the layout's names and the tagged
   * values, NULL as JSON null.
   *
   * @throws IllegalArgumentException if a value is of a type without a tag
   */
  public static ObjectNode row(Row row) {
    ObjectNode node = NODES.objectNode();
    ArrayNode columns = node.putArray("columns");
    row.layout().columns().forEach(columns::add);
    ArrayNode keyColumns = node.putArray("key");
    row.layout().keyColumns().forEach(keyColumns::add);
    ArrayNode values = node.putArray("values");
    for (int i = 0; i < row.size(); i++) {
      values.add(value(row.get(i)));
    }
    return node;
  }

  /**
   * The row of a {@link #row} tree, with a layout equal to the encoded one.
   *
   * @throws IllegalArgumentException if the tree is not one
   */
  public static Row row(JsonNode node) {
    JsonNode values = node.path("values");
    RowLayout layout = RowLayout.of(texts(node.path("columns")), texts(node.path("key")));
    if (!values.isArray() || values.size() != layout.size()) {
      throw new IllegalArgumentException("stored row has no values array of its layout's size");
    }
    Object[] decoded = new Object[values.size()];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = value(values.get(i));
    }
    return Row.wrap(layout, decoded);
  }

  /** A {@code [tag, text]} pair, or JSON null for NULL. */
  static JsonNode value(@Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    ArrayNode pair = NODES.arrayNode();
    pair.add(CanonicalValues.typeTag(value));
    pair.add(CanonicalValues.toText(value));
    return pair;
  }

  /** The value of a {@link #value(Object)} tree; null for JSON null. */
  static @Nullable Object value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (!node.isArray() || node.size() != 2 || !node.get(0).isTextual() || !node.get(1).isTextual()) {
      throw new IllegalArgumentException("stored value is not a [tag, text] pair");
    }
    String tag = node.get(0).asText();
    String text = node.get(1).asText();
    try {
      return CanonicalValues.fromText(tag, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stored value is " + e.getMessage(), e);
    }
  }

  private static List<String> texts(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("stored row layout is not an array of column names");
    }
    List<String> texts = new ArrayList<>(node.size());
    node.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
