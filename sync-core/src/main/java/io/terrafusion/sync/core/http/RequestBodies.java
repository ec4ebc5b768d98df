package io.terrafusion.sync.core.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.SourceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies: the content type, the JSON, and the sync request of the job routes. Every
 * refusal is an {@link HttpProblem} naming the field; none repeats what the caller sent.
 */
final class RequestBodies {
  private static final Set<String> SYNC_FIELDS = Set.of("tables", "detectors", "initiator");
  private static final int MAX_INITIATOR = 200;

  private final ObjectMapper mapper;

  RequestBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The JSON body, or a missing node when the body is empty. */
  JsonNode json(HttpRequest request) {
    if (request.bodySize() == 0) {
      return MissingNode.getInstance();
    }
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).trim();
    String mediaType = type.split(";", 2)[0].trim();
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw HttpProblem.unsupportedMediaType();
    }
    try {
      JsonNode node = mapper.readTree(request.body());
      return node == null ? MissingNode.getInstance() : node;
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw HttpProblem.malformedJson(at == null ? "the body is not valid JSON"
          : "the body is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
    } catch (IOException e) {
      throw HttpProblem.malformedJson("the body is not valid JSON");
    }
  }

  /**
   * The sync request a body asks for: {@code tables} (names, {@code schema.name}, or objects of
   * {@code schema} and {@code name}; none or empty for every table), {@code detectors} (table name to
   * detector name, for incremental jobs) and {@code initiator}.
   */
  SyncRequest syncRequest(HttpRequest request, SyncMode mode, SourceStore source) {
    JsonNode body = json(request);
    if (body.isMissingNode() || body.isNull()) {
      return new SyncRequest(mode, List.of(), "http");
    }
    if (!body.isObject()) {
      throw HttpProblem.badField("", "the body must be a JSON object with the fields " + sorted(SYNC_FIELDS));
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      if (!SYNC_FIELDS.contains(names.next())) {
        throw HttpProblem.badField("", "the body may hold only the fields " + sorted(SYNC_FIELDS));
      }
    }
    List<TableId> tables = tables(body.get("tables"), source);
    Map<TableId, String> detectors = detectors(body.get("detectors"), tables);
    return new SyncRequest(mode, tables, initiator(body.get("initiator")), detectors);
  }

  private static List<TableId> tables(JsonNode node, SourceStore source) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw HttpProblem.badField("tables", "tables must be an array of table names");
    }
    List<TableId> tables = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String field = "tables[" + i + "]";
      TableId table = table(node.get(i), field);
      if (tables.contains(table)) {
        throw HttpProblem.badField(field, "the table is named twice");
      }
      if (source.table(table).isEmpty()) {
        throw HttpProblem.badField(field, "the source has no such table");
      }
      tables.add(table);
    }
    return tables;
  }

  private static TableId table(JsonNode node, String field) {
    try {
      if (node.isTextual()) {
        String text = node.textValue();
        int dot = text.indexOf('.');
        return dot < 0 ? TableId.of(text) : TableId.of(text.substring(0, dot), text.substring(dot + 1));
      }
      if (node.isObject() && node.path("name").isTextual()
          && (node.path("schema").isMissingNode() || node.path("schema").isTextual()) && node.size() <= 2) {
        return node.path("schema").isTextual() ? TableId.of(node.get("schema").textValue(), node.get("name").textValue())
            : TableId.of(node.get("name").textValue());
      }
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badField(field, "a table name must be a non-empty name without NUL characters");
    }
    throw HttpProblem.badField(field, "a table is a name, schema.name, or an object of schema and name");
  }

  private static Map<TableId, String> detectors(JsonNode node, List<TableId> tables) {
    Map<TableId, String> detectors = new HashMap<>();
    if (node == null || node.isNull()) {
      return detectors;
    }
    if (!node.isObject()) {
      throw HttpProblem.badField("detectors", "detectors must be an object of table name to detector name");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      TableId table = table(TextNode.valueOf(entry.getKey()), "detectors");
      if (!tables.isEmpty() && !tables.contains(table)) {
        throw HttpProblem.badField("detectors", "every table in detectors must be one of tables");
      }
      if (!entry.getValue().isTextual() || entry.getValue().textValue().isBlank()) {
        throw HttpProblem.badField("detectors", "a detector name must be a non-blank string");
      }
      detectors.put(table, entry.getValue().textValue());
    }
    return detectors;
  }

  private static String initiator(JsonNode node) {
    if (node == null || node.isNull()) {
      return "http";
    }
    if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > MAX_INITIATOR) {
      throw HttpProblem.badField("initiator", "initiator must be a non-blank string of at most " + MAX_INITIATOR
          + " characters");
    }
    return node.textValue();
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
