package io.terrafusion.sync.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.internal.RowHasher;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /sync/conflicts} and {@code POST /sync/conflicts/{id}}: the state store's conflict queue,
 * and resolving one queued conflict by writing the chosen row to the target.
 */
final class ConflictRoutes {
  private static final Set<String> RESOLVE_FIELDS = Set.of("resolution", "row");

  private final SyncEngine engine;
  private final RequestBodies bodies;
  private final Responses responses;

  ConflictRoutes(SyncEngine engine, RequestBodies bodies, Responses responses) {
    this.engine = engine;
    this.bodies = bodies;
    this.responses = responses;
  }

  HttpResponse list(HttpRequest request) {
    Paging paging = Paging.of(request);
    TableId table = request.queryParameter("table").map(ConflictRoutes::table).orElse(null);
    List<Map<String, @Nullable Object>> items = new ArrayList<>();
    engine.stateStore().conflicts(table, paging.offset(), paging.limit()).forEach(c -> items.add(JobViews.conflict(c)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("offset", paging.offset());
    body.put("limit", paging.limit());
    body.put("items", items);
    return responses.json(200, Map.of(), body);
  }

  /**
   * Resolves a queued conflict: {@code source} writes the source's version (deleting the row when
   * the source deleted it), {@code target} keeps the target as it is, and later syncs leave it so
   * until the source's row changes again, {@code merged} writes the
   * supplied {@code row} after checking it against the target table's schema. Refused with 409 while
   * a job of the engine may sync the conflict's table (one that selects every table, or a table of
   * the same name). The resolution that takes the conflict out of the queue is the one that writes;
   * a concurrent one finds it gone (404); a write that fails puts the conflict back.
   */
  HttpResponse resolve(HttpRequest request, String id) {
    JsonNode body = bodies.json(request);
    if (!body.isObject()) {
      throw HttpProblem.badField("", "the body must be a JSON object with resolution and, for merged, row");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      if (!RESOLVE_FIELDS.contains(names.next())) {
        throw HttpProblem.badField("", "the body may hold only the fields resolution and row");
      }
    }
    String resolution = body.path("resolution").isTextual() ? body.get("resolution").textValue() : "";
    if (!Set.of("source", "target", "merged").contains(resolution)) {
      throw HttpProblem.badField("resolution", "resolution must be source, target or merged");
    }
    if (resolution.equals("merged") == body.path("row").isMissingNode()) {
      throw HttpProblem.badField("row", "row is required for merged and allowed only there");
    }
    Conflict conflict = engine.stateStore().conflict(id)
        .orElseThrow(() -> HttpProblem.notFound("id", "no queued conflict has this id"));
    refuseWhileSynced(conflict);
    TableSchema schema = engine.target().table(conflict.table())
        .orElseThrow(() -> HttpProblem.conflict("the conflict's target table no longer exists", "parameter", "id"));
    // Taking the conflict out of the queue is the claim: of two concurrent resolutions only the one
    // that removed it writes. A failed write puts it back, so the conflict is never lost.
    if (!engine.stateStore().removeConflict(id)) {
      throw HttpProblem.notFound("id", "no queued conflict has this id");
    }
    boolean applied;
    try {
      applied = switch (resolution) {
        case "source" -> write(conflict, schema, conflict.source());
        case "merged" -> write(conflict, schema, JsonValues.in(body.get("row"), schema, conflict.key()));
        default -> keep(conflict, schema);
      };
    } catch (RuntimeException e) {
      engine.stateStore().addConflict(conflict);
      throw e;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("resolution", resolution);
    answer.put("applied", applied);
    return responses.json(200, Map.of(), answer);
  }

  /** A job writing the conflict's table could overwrite the resolution, or be overwritten by it. */
  private void refuseWhileSynced(Conflict conflict) {
    for (SyncJob job : engine.activeJobs()) {
      List<TableId> tables = job.status().request().tables();
      // The conflict names the target table and the request source tables, which a transformer may
      // rename: a table of the same name is taken to be the same table.
      if (tables.isEmpty() || tables.stream().anyMatch(t -> t.name().equals(conflict.table().name()))) {
        throw HttpProblem.conflict("job " + job.id() + " is syncing the conflict's table; resolve it after the job",
            "runningJobId", job.id());
      }
    }
  }

  private boolean write(Conflict conflict, TableSchema schema, @Nullable Row row) {
    RowKey key = conflict.key();
    if (row == null) {
      engine.target().apply(schema, new WriteBatch(List.of(), List.of(key)));
      engine.stateStore().updateBaseHashes(conflict.table(), Map.of(), List.of(key));
      return true;
    }
    TableSchema projection = projection(schema, row.layout().columns())
        .orElseThrow(() -> HttpProblem.conflict("the queued row no longer fits the target table", "parameter", "id"));
    engine.target().apply(projection, new WriteBatch(List.of(Row.fromMap(projection.layout(), row.toMap())), List.of()));
    rememberBase(conflict, schema);
    return true;
  }

  /**
   * Keeps the target's row and remembers the decision in its base, so that the next syncs leave the
   * row alone while the source offers the version declined here, and write the source's row once it
   * changed again (unless the target changed too: a new conflict). Writes nothing; returns false.
   */
  private boolean keep(Conflict conflict, TableSchema schema) {
    Row reference = conflict.source() != null ? conflict.source() : conflict.target();
    Optional<TableSchema> shape = reference == null ? Optional.empty() : projection(schema, reference.layout().columns());
    if (shape.isEmpty()) {
      return false;
    }
    Row kept = engine.target().fetch(shape.get(), List.of(conflict.key())).stream().findFirst().orElse(null);
    engine.stateStore().updateBaseHashes(conflict.table(),
        Map.of(conflict.key(), RowHasher.keepingTarget(kept, conflict.source())), List.of());
    return false;
  }

  // The next sync compares the target row with its base hash; the base must be the row as now
  // written, in the shape the engine hashes (that of the queued rows), or the row conflicts again.
  private void rememberBase(Conflict conflict, TableSchema schema) {
    Row reference = conflict.source() != null ? conflict.source() : conflict.target();
    Optional<TableSchema> shape = reference == null ? Optional.empty() : projection(schema, reference.layout().columns());
    Map<RowKey, RowHash> written = new LinkedHashMap<>();
    shape.flatMap(s -> engine.target().fetch(s, List.of(conflict.key())).stream().findFirst())
        .ifPresent(r -> written.put(conflict.key(), RowHasher.hash(r)));
    engine.stateStore().updateBaseHashes(conflict.table(), written, written.isEmpty() ? List.of(conflict.key()) : List.of());
  }

  private static Optional<TableSchema> projection(TableSchema schema, List<String> columns) {
    List<Column> projected = new ArrayList<>();
    for (String name : columns) {
      Optional<Column> column = schema.column(name);
      if (column.isEmpty()) {
        return Optional.empty();
      }
      projected.add(column.get());
    }
    if (!projected.stream().map(Column::name).toList().containsAll(schema.primaryKey())) {
      return Optional.empty();
    }
    return Optional.of(schema.withColumns(projected, schema.primaryKey()));
  }

  private static TableId table(String text) {
    try {
      int dot = text.indexOf('.');
      return dot < 0 ? TableId.of(text) : TableId.of(text.substring(0, dot), text.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badParameter("table", "table must be a non-empty name without NUL characters");
    }
  }
}
