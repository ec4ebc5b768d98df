package io.terrafusion.sync.core.http;

import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.SyncEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code POST /sync/full|incremental|validate}, {@code GET /sync/status[/{id}]}, {@code DELETE /sync/status/{id}}. */
final class JobRoutes {
  private final SyncEngine engine;
  private final RequestBodies bodies;
  private final Responses responses;
  private final String basePath;
  private final Clock clock;

  JobRoutes(SyncEngine engine, RequestBodies bodies, Responses responses, String basePath, Clock clock) {
    this.engine = engine;
    this.bodies = bodies;
    this.responses = responses;
    this.basePath = basePath;
    this.clock = clock;
  }

  HttpResponse start(HttpRequest request, SyncMode mode) {
    SyncRequest syncRequest = bodies.syncRequest(request, mode, engine.source());
    SyncJob job;
    try {
      job = engine.start(syncRequest);
    } catch (IllegalArgumentException e) {
      // the engine's message names the detector and table the caller sent; it is not repeated
      throw HttpProblem.badField("detectors", "detectors names a detector the engine does not know");
    } catch (IllegalStateException e) {
      throw HttpProblem.unavailable("the sync engine is closed");
    }
    return responses.json(202, Map.of("Location", basePath + "/sync/status/" + job.id()),
        JobViews.job(job.status(), clock.instant()));
  }

  HttpResponse validate(HttpRequest request) {
    SyncRequest syncRequest = bodies.syncRequest(request, SyncMode.FULL, engine.source());
    ValidationReport report = engine.compare(syncRequest);
    Map<String, List<Map<String, @Nullable Object>>> byTable = new LinkedHashMap<>();
    List<TableId> tables = syncRequest.tables().isEmpty() ? engine.source().tables() : syncRequest.tables();
    tables.forEach(t -> byTable.put(t.toString(), new ArrayList<>()));
    for (Violation violation : report.violations()) {
      byTable.computeIfAbsent(violation.table().toString(), t -> new ArrayList<>()).add(JobViews.violation(violation));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("valid", report.isValid());
    body.put("tables", byTable);
    return responses.json(200, Map.of(), body);
  }

  HttpResponse list(HttpRequest request) {
    Paging paging = Paging.of(request);
    List<JobStatus> statuses = new ArrayList<>();
    for (JobStatus recorded : engine.stateStore().jobs(paging.offset(), paging.limit())) {
      statuses.add(engine.job(recorded.jobId()).map(SyncJob::status).orElse(recorded));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("offset", paging.offset());
    body.put("limit", paging.limit());
    body.put("items", JobViews.jobs(statuses, clock.instant()));
    return responses.json(200, Map.of(), body);
  }

  HttpResponse one(String id) {
    return responses.json(200, Map.of(), JobViews.job(status(id), clock.instant()));
  }

  HttpResponse cancel(String id) {
    Optional<SyncJob> job = engine.job(id);
    JobStatus status = job.map(SyncJob::status).orElseGet(() -> status(id));
    if (job.isEmpty() || status.state().isTerminal() || !job.get().cancel()) {
      throw HttpProblem.conflict("the job has ended, is already being cancelled, or is not run by this engine",
          "parameter", "id");
    }
    return responses.json(202, Map.of("Location", basePath + "/sync/status/" + id),
        JobViews.job(job.get().status(), clock.instant()));
  }

  private JobStatus status(String id) {
    return engine.job(id).map(SyncJob::status)
        .or(() -> engine.stateStore().job(id))
        .orElseThrow(() -> HttpProblem.notFound("id", "no job has this id"));
  }
}
