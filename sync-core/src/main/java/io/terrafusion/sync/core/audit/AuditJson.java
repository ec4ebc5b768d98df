package io.terrafusion.sync.core.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Renders audit events as canonical JSON: the body a chained record hashes, and JSON Lines lines. */
final class AuditJson {
  /** The prefix of the last field of a line, before the 64 hex digits of the hash. */
  static final String HASH_FIELD = ",\"hash\":\"";

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private AuditJson() {}

  /**
   * The canonical JSON a chained record's hash covers: {@code sequence} and {@code previousHash}, then
   * the event's fields as {@link #writeEvent} writes them. Equal inputs give equal text.
   */
  static String body(long sequence, String previousHash, AuditEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeNumberField("sequence", sequence);
      json.writeStringField("previousHash", previousHash);
      writeEvent(json, event);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render audit event " + event.type() + " of job " + event.jobId(), e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The JSON of a key as it appears in a body: an array of its values. */
  static String key(RowKey key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
      writeKey(json, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render audit key", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The JSON Lines line of a record: its body with the hash as the last field, and a newline. */
  static byte[] line(AuditRecord record) {
    String body = record.body();
    return (body.substring(0, body.length() - 1) + HASH_FIELD + record.hash() + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A parser of bodies and lines, for verification. */
  static JsonMapper mapper() {
    return MAPPER;
  }

  private static void writeEvent(JsonGenerator json, AuditEvent event) throws IOException {
    json.writeStringField("jobId", event.jobId());
    json.writeNumberField("batch", event.batch());
    json.writeStringField("at", event.at().toString());
    json.writeStringField("type", event.type().name());
    json.writeFieldName("table");
    if (event.table() == null) {
      json.writeNull();
    } else {
      json.writeString(event.table().toString());
    }
    json.writeFieldName("key");
    writeKey(json, event.key());
    json.writeFieldName("before");
    writeRow(json, event.before());
    json.writeFieldName("after");
    writeRow(json, event.after());
    json.writeObjectFieldStart("details");
    for (Map.Entry<String, String> detail : new TreeMap<>(event.details()).entrySet()) {
      json.writeStringField(detail.getKey(), detail.getValue());
    }
    json.writeEndObject();
  }

  private static void writeKey(JsonGenerator json, @Nullable RowKey key) throws IOException {
    if (key == null) {
      json.writeNull();
      return;
    }
    json.writeStartArray();
    for (int i = 0; i < key.size(); i++) {
      writeValue(json, key.get(i));
    }
    json.writeEndArray();
  }

  private static void writeRow(JsonGenerator json, @Nullable Row row) throws IOException {
    if (row == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    for (int i = 0; i < row.size(); i++) {
      json.writeFieldName(row.layout().column(i));
      writeValue(json, row.get(i));
    }
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, @Nullable Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Number n) {
      writeNumber(json, n);
    } else if (value instanceof byte[] bytes) {
      json.writeString(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof JsonNode node) {
      json.writeTree(node);
    } else {
      // java.time values print as ISO-8601 and UUIDs in their standard form.
      json.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator json, Number n) throws IOException {
    if (n instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (n instanceof BigInteger i) {
      json.writeNumber(i);
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        // JSON has no NaN or infinities; their Java names keep the record readable.
        json.writeString(Double.toString(d));
      }
    } else {
      json.writeNumber(n.longValue());
    }
  }
}
