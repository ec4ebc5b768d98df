package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.terrafusion.sync.api.RowKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint position of the watermark detector, as small JSON text: the {@code (change column
 * value, key)} cursor of the last row applied, values tagged as in {@link TaggedValues}; the database
 * moment of the last completed delete reconciliation; the reconciler's own position while one is
 * under way; and, for a version column, the highest version known safe and the maximum version last
 * observed with the moment it was observed. Immutable.
 *
 * @param cursorValue the change column value of the last row applied, or null before the first
 * @param cursorKey that row's key; null exactly when {@code cursorValue} is
 * @param reconciledAt when the last reconciliation began (database clock), or null if none completed
 * @param reconciling the reconciler's checkpoint position while a reconciliation is under way, or null
 * @param safeVersion the highest version that no open transaction can still commit below, or null
 * @param pendingVersion a maximum version observed but not yet known safe, or null
 * @param pendingAt when {@code pendingVersion} was observed (database clock); null exactly when it is
 */
public record WatermarkPosition(
    @Nullable Object cursorValue,
    @Nullable RowKey cursorKey,
    @Nullable Instant reconciledAt,
    @Nullable String reconciling,
    @Nullable Object safeVersion,
    @Nullable Object pendingVersion,
    @Nullable Instant pendingAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The position of a first run. */
  public static final WatermarkPosition START = new WatermarkPosition(null, null, null, null, null, null, null);

  /** Checks that the paired parts are given together. */
  public WatermarkPosition {
    if ((cursorValue == null) != (cursorKey == null)) {
      throw new IllegalArgumentException("a watermark cursor needs both a change column value and a key");
    }
    if ((pendingVersion == null) != (pendingAt == null)) {
      throw new IllegalArgumentException("a pending version needs the moment it was observed");
    }
  }

  /** This position with the cursor after the given row. */
  public WatermarkPosition withCursor(Object value, RowKey key) {
    return new WatermarkPosition(value, key, reconciledAt, reconciling, safeVersion, pendingVersion, pendingAt);
  }

  /** This position while a reconciliation is under way, at the reconciler's position. */
  public WatermarkPosition reconcilingAt(String position) {
    return new WatermarkPosition(cursorValue, cursorKey, reconciledAt, position, safeVersion, pendingVersion, pendingAt);
  }

  /** This position after a reconciliation that began at the given moment completed. */
  public WatermarkPosition reconciled(Instant began) {
    return new WatermarkPosition(cursorValue, cursorKey, began, null, safeVersion, pendingVersion, pendingAt);
  }

  /** This position with new version observations. */
  public WatermarkPosition withVersions(@Nullable Object safe, @Nullable Object pending, @Nullable Instant at) {
    return new WatermarkPosition(cursorValue, cursorKey, reconciledAt, reconciling, safe, pending, at);
  }

  /** The JSON text of this position. */
  public String encode() {
    ObjectNode node = JSON.createObjectNode();
    if (cursorValue != null && cursorKey != null) {
      ObjectNode cursor = node.putObject("cursor");
      cursor.set("value", TaggedValues.value(cursorValue));
      cursor.set("key", TaggedValues.key(cursorKey));
    }
    if (reconciledAt != null) {
      node.put("reconciledAt", reconciledAt.toString());
    }
    if (reconciling != null) {
      node.put("reconciling", reconciling);
    }
    if (safeVersion != null) {
      node.set("safe", TaggedValues.value(safeVersion));
    }
    if (pendingVersion != null && pendingAt != null) {
      ObjectNode pending = node.putObject("pending");
      pending.set("version", TaggedValues.value(pendingVersion));
      pending.put("at", pendingAt.toString());
    }
    return node.toString();
  }

  /**
   * The position of a text made by {@link #encode}; empty text is {@link #START}.
   *
   * @throws IllegalArgumentException if the text is not such a position
   */
  public static WatermarkPosition decode(String text) {
    if (text.isEmpty()) {
      return START;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("watermark checkpoint is not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("watermark checkpoint is not a JSON object");
    }
    JsonNode cursor = node.path("cursor");
    JsonNode pending = node.path("pending");
    return new WatermarkPosition(
        cursor.isMissingNode() ? null : TaggedValues.value(cursor.path("value")),
        cursor.isMissingNode() ? null : TaggedValues.key(cursor.path("key")),
        moment(node.path("reconciledAt")),
        node.hasNonNull("reconciling") ? node.get("reconciling").asText() : null,
        node.has("safe") ? TaggedValues.value(node.get("safe")) : null,
        pending.isMissingNode() ? null : TaggedValues.value(pending.path("version")),
        moment(pending.path("at")));
  }

  private static @Nullable Instant moment(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("watermark checkpoint holds a moment that is not one: " + node.asText(), e);
    }
  }
}
