package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON text of the records a state store keeps whole: conflicts, dead letters and job statuses,
 * with rows and keys as {@link TaggedValues}. Stateless and thread-safe.
 */
public final class StateRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StateRecords() {}

  /** The JSON text of a key. */
  public static String keyText(RowKey key) {
    return TaggedValues.key(key).toString();
  }

  /**
   * A text equal for keys that are {@linkplain RowKey#equals equal} (such as {@code 1.5} and {@code
   * 1.50}): Base64 of the keys' canonical encoding, for lookups.
   */
  public static String canonicalKey(RowKey key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Object value : key.values()) {
        CanonicalValues.encode(value, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array stream does not fail", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** The JSON text of a table id. */
  public static String tableText(TableId table) {
    return TaggedValues.table(table).toString();
  }

  /** The JSON text of a conflict. */
  public static String conflict(Conflict conflict) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", conflict.id());
    node.set("table", TaggedValues.table(conflict.table()));
    node.set("key", TaggedValues.key(conflict.key()));
    node.put("sourceChange", conflict.sourceChange().name());
    node.set("source", row(conflict.source()));
    node.set("target", row(conflict.target()));
    node.put("detectedAt", conflict.detectedAt().toString());
    return node.toString();
  }

  /**
   * The conflict of a {@link #conflict(Conflict)} text.
   *
   * @throws IllegalArgumentException if the text is not one
   */
  public static Conflict conflict(String text) {
    JsonNode node = parse(text, "conflict");
    return new Conflict(node.path("id").asText(), TaggedValues.table(node.path("table")),
        TaggedValues.key(node.path("key")), ChangeKind.valueOf(node.path("sourceChange").asText()),
        row(node.path("source")), row(node.path("target")), Instant.parse(node.path("detectedAt").asText()));
  }

  /** The JSON text of a dead letter. */
  public static String deadLetter(DeadLetter letter) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", letter.id());
    node.put("jobId", letter.jobId());
    node.set("table", TaggedValues.table(letter.table()));
    node.set("key", TaggedValues.key(letter.key()));
    node.set("row", row(letter.row()));
    node.put("reason", letter.reason());
    node.put("at", letter.at().toString());
    return node.toString();
  }

  /**
   * The dead letter of a {@link #deadLetter(DeadLetter)} text.
   *
   * @throws IllegalArgumentException if the text is not one
   */
  public static DeadLetter deadLetter(String text) {
    JsonNode node = parse(text, "dead letter");
    return new DeadLetter(node.path("id").asText(), node.path("jobId").asText(), TaggedValues.table(node.path("table")),
        TaggedValues.key(node.path("key")), row(node.path("row")), node.path("reason").asText(),
        Instant.parse(node.path("at").asText()));
  }

  /** The JSON text of a job status. */
  public static String job(JobStatus status) {
    ObjectNode node = JSON.createObjectNode();
    node.put("jobId", status.jobId());
    node.put("state", status.state().name());
    ObjectNode request = node.putObject("request");
    request.put("mode", status.request().mode().name());
    ArrayNode tables = request.putArray("tables");
    status.request().tables().forEach(t -> tables.add(TaggedValues.table(t)));
    request.put("initiator", status.request().initiator());
    ArrayNode detectors = request.putArray("detectors");
    status.request().detectors().forEach((table, detector) -> {
      ObjectNode choice = detectors.addObject();
      choice.set("table", TaggedValues.table(table));
      choice.put("detector", detector);
    });
    node.put("submitted", status.submitted().toString());
    node.put("started", text(status.started()));
    node.put("finished", text(status.finished()));
    ArrayNode reports = node.putArray("tables");
    status.tables().forEach(r -> reports.add(report(r)));
    node.put("failure", status.failure());
    node.set("progress", progress(status.progress()));
    return node.toString();
  }

  /**
   * The job status of a {@link #job(JobStatus)} text.
   *
   * @throws IllegalArgumentException if the text is not one
   */
  public static JobStatus job(String text) {
    JsonNode node = parse(text, "job status");
    JsonNode request = node.path("request");
    List<TableId> requested = new ArrayList<>();
    request.path("tables").forEach(t -> requested.add(TaggedValues.table(t)));
    Map<TableId, String> detectors = new HashMap<>();
    request.path("detectors").forEach(d -> detectors.put(TaggedValues.table(d.path("table")), d.path("detector").asText()));
    List<TableReport> reports = new ArrayList<>();
    node.path("tables").forEach(r -> reports.add(report(r)));
    return new JobStatus(node.path("jobId").asText(), JobState.valueOf(node.path("state").asText()),
        new SyncRequest(SyncMode.valueOf(request.path("mode").asText()), requested, request.path("initiator").asText(),
            detectors),
        Instant.parse(node.path("submitted").asText()), instant(node.path("started")), instant(node.path("finished")),
        reports, node.path("failure").isNull() ? null : node.path("failure").asText(), progress(node.path("progress")));
  }

  private static ObjectNode report(TableReport report) {
    ObjectNode node = JSON.createObjectNode();
    node.set("table", TaggedValues.table(report.table()));
    node.set("target", TaggedValues.table(report.target()));
    node.put("inserted", report.inserted());
    node.put("updated", report.updated());
    node.put("deleted", report.deleted());
    node.put("unchanged", report.unchanged());
    node.put("filtered", report.filtered());
    node.put("deadLettered", report.deadLettered());
    node.put("conflicts", report.conflicts());
    node.put("elapsed", report.elapsed().toString());
    return node;
  }

  private static TableReport report(JsonNode node) {
    return new TableReport(TaggedValues.table(node.path("table")), TaggedValues.table(node.path("target")),
        node.path("inserted").asLong(), node.path("updated").asLong(), node.path("deleted").asLong(),
        node.path("unchanged").asLong(), node.path("filtered").asLong(), node.path("deadLettered").asLong(),
        node.path("conflicts").asLong(), Duration.parse(node.path("elapsed").asText()));
  }

  private static ObjectNode progress(JobProgress progress) {
    ObjectNode node = counts(JSON.createObjectNode(), progress.rowsRead(), progress.inserted(), progress.updated(),
        progress.deleted(), progress.unchanged(), progress.deadLettered(), progress.rowsPerSecond(),
        progress.estimatedRows(), progress.remaining());
    ArrayNode tables = node.putArray("tables");
    for (TableProgress table : progress.tables()) {
      ObjectNode t = tables.addObject();
      t.set("table", TaggedValues.table(table.table()));
      t.put("phase", table.phase().name());
      counts(t, table.rowsRead(), table.inserted(), table.updated(), table.deleted(), table.unchanged(),
          table.deadLettered(), table.rowsPerSecond(), table.estimatedRows(), table.remaining());
    }
    return node;
  }

  private static ObjectNode counts(ObjectNode node, long read, long inserted, long updated, long deleted,
      long unchanged, long deadLettered, double rate, @Nullable Long estimate, @Nullable Duration remaining) {
    node.put("rowsRead", read);
    node.put("inserted", inserted);
    node.put("updated", updated);
    node.put("deleted", deleted);
    node.put("unchanged", unchanged);
    node.put("deadLettered", deadLettered);
    node.put("rowsPerSecond", rate);
    node.put("estimatedRows", estimate);
    node.put("remaining", remaining == null ? null : remaining.toString());
    return node;
  }

  /** The progress kept with a job; none for a job saved before progress was kept. */
  private static JobProgress progress(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return JobProgress.none();
    }
    List<TableProgress> tables = new ArrayList<>();
    for (JsonNode t : node.path("tables")) {
      tables.add(new TableProgress(TaggedValues.table(t.path("table")), TableProgress.Phase.valueOf(t.path("phase").asText()),
          t.path("rowsRead").asLong(), t.path("inserted").asLong(), t.path("updated").asLong(),
          t.path("deleted").asLong(), t.path("unchanged").asLong(), t.path("deadLettered").asLong(),
          t.path("rowsPerSecond").asDouble(), estimate(t),
          duration(t.path("remaining"))));
    }
    return new JobProgress(node.path("rowsRead").asLong(), node.path("inserted").asLong(),
        node.path("updated").asLong(), node.path("deleted").asLong(), node.path("unchanged").asLong(),
        node.path("deadLettered").asLong(), node.path("rowsPerSecond").asDouble(), estimate(node),
        duration(node.path("remaining")), tables);
  }

  private static @Nullable Long estimate(JsonNode node) {
    JsonNode estimate = node.path("estimatedRows");
    return estimate.isNull() || estimate.isMissingNode() ? null : estimate.asLong();
  }

  private static @Nullable Duration duration(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : Duration.parse(node.asText());
  }

  private static JsonNode row(@Nullable Row row) {
    return row == null ? JSON.nullNode() : TaggedValues.row(row);
  }

  private static @Nullable Row row(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : TaggedValues.row(node);
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static @Nullable Instant instant(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
  }

  private static JsonNode parse(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored " + what + " is not JSON", e);
    }
  }
}
