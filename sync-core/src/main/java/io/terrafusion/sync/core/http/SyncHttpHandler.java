package io.terrafusion.sync.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobConflictException;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.core.SyncEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /sync/*} and {@code /health} endpoints of one {@link SyncEngine} as a pure function from
 * {@link HttpRequest} to {@link HttpResponse}. Mount it with {@link JdkHttpServerAdapter} or {@link
 * SyncServlet}, or call {@link #handle} from any web stack. Routes, under the base path:
 *
 * <ul>
 *   <li>{@code POST /sync/full}, {@code POST /sync/incremental}: start a job; body {@code
 *       {"tables": [...], "detectors": {table: name}, "initiator": "..."}}, all optional (no tables:
 *       every table); 202 with the job's status and a {@code Location} of it;
 *   <li>{@code POST /sync/validate}: the pre-flight schema checks of the same body and, when they
 *       pass, a row comparison of each table ({@link SyncEngine#compare}); violations per table;
 *   <li>{@code GET /sync/conflicts?table=&offset=&limit=}: the queued conflicts; {@code POST
 *       /sync/conflicts/{id}} with {@code {"resolution": "source"|"target"|"merged", "row": {...}}}
 *       resolves one;
 *   <li>{@code GET /sync/status?offset=&limit=}: recent jobs, newest first; {@code GET
 *       /sync/status/{id}}: one job with its progress; {@code DELETE /sync/status/{id}}: cancel it;
 *   <li>{@code GET /health} (200 UP or 503 DOWN, per component), {@code GET /health/live} (always
 *       UP), {@code GET /health/ready} (as {@code /health});
 *   <li>{@code GET /openapi.json}: the OpenAPI 3.1 document of these routes.
 * </ul>
 *
 * <p>The {@link Authorizer} is asked first, for every request. Errors are RFC 9457 {@code
 * application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail} and,
 * where one is at fault, the {@code field}, {@code parameter} or {@code header}: 400 malformed JSON,
 * bad field or parameter, unknown table; 401/403 from the authorizer; 404 unknown path, job or
 * conflict; 405 with {@code Allow}; 409 a job already syncs a requested table, or the job has ended;
 * 413 body over the limit (checked before parsing); 415 a body not sent as JSON; 503 a store
 * unreachable or the engine closed. Problems never repeat what the caller sent and never carry
 * exception text, stack traces, SQL or credentials; a 500 means the handler itself broke, and says
 * only that (the cause goes to the log).
 *
 * <p>This class is immutable and thread-safe; {@link #handle} never throws.
 */
public final class SyncHttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncHttpHandler.class);
  private static final String OPENAPI = "openapi.json";

  private final String basePath;
  private final Authorizer authorizer;
  private final int maxBodyBytes;
  private final Responses responses;
  private final List<Route> routes;
  private final byte[] openApi;

  SyncHttpHandler(SyncHttpHandlerBuilder builder) {
    SyncEngine engine = Objects.requireNonNull(builder.engine, "engine");
    ObjectMapper mapper = new ObjectMapper();
    this.basePath = builder.basePath;
    this.authorizer = builder.authorizer;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.responses = new Responses(mapper);
    this.openApi = loadOpenApi();
    RequestBodies bodies = new RequestBodies(mapper);
    JobRoutes jobs = new JobRoutes(engine, bodies, responses, basePath, Clock.systemUTC());
    ConflictRoutes conflicts = new ConflictRoutes(engine, bodies, responses);
    HealthRoutes health = new HealthRoutes(engine, responses, builder.probeExecutor, builder.healthTimeout);
    this.routes = List.of(
        Route.of("/sync/full", "POST", (r, id) -> jobs.start(r, SyncMode.FULL)),
        Route.of("/sync/incremental", "POST", (r, id) -> jobs.start(r, SyncMode.INCREMENTAL)),
        Route.of("/sync/validate", "POST", (r, id) -> jobs.validate(r)),
        Route.of("/sync/conflicts", "GET", (r, id) -> conflicts.list(r)),
        Route.of("/sync/conflicts/{id}", "POST", conflicts::resolve),
        Route.of("/sync/status", "GET", (r, id) -> jobs.list(r)),
        new Route("/sync/status/{id}", Map.of("GET", (r, id) -> jobs.one(id), "DELETE", (r, id) -> jobs.cancel(id))),
        Route.of("/health", "GET", (r, id) -> health.health()),
        Route.of("/health/live", "GET", (r, id) -> health.live()),
        Route.of("/health/ready", "GET", (r, id) -> health.health()),
        Route.of("/" + OPENAPI, "GET", (r, id) -> responses.raw(200, Responses.JSON, openApi)));
  }

  /** A builder of a handler; {@link SyncHttpHandlerBuilder#engine} is required. */
  public static SyncHttpHandlerBuilder builder() {
    return new SyncHttpHandlerBuilder();
  }

  /** The base path the routes sit under, such as {@code /ops}; empty for the root. */
  public String basePath() {
    return basePath;
  }

  /** The largest request body accepted, in bytes; adapters read at most one byte more. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The routes served, as path templates relative to the base path (such as {@code
   * /sync/status/{id}}) with their methods, in a stable order.
   */
  public Map<String, Set<String>> routes() {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    routes.forEach(r -> all.put(r.template(), new TreeSet<>(r.methods().keySet())));
    return all;
  }

  /** The OpenAPI 3.1 document of the routes, as served at {@code GET {base}/openapi.json}. */
  public byte[] openApiDocument() {
    return openApi.clone();
  }

  /**
   * Serves one request. Never throws: a refusal is a problem response and an unexpected failure a
   * 500 without details.
   */
  public HttpResponse handle(HttpRequest request) {
    try {
      Authorizer.Decision decision = decide(request);
      if (decision != Authorizer.Decision.ALLOW) {
        throw HttpProblem.denied(decision);
      }
      return dispatch(request);
    } catch (HttpProblem problem) {
      return responses.problem(problem);
    } catch (JobConflictException e) {
      return responses.problem(HttpProblem.conflict("job " + e.runningJobId() + " is already syncing "
          + (e.tables().isEmpty() ? "every table" : "tables " + e.tables()) + "; wait for it or cancel it",
          "runningJobId", e.runningJobId()));
    } catch (DataAccessException e) {
      LOG.warn("a store failed serving {}", request, e);
      return responses.problem(HttpProblem.unavailable("a database the sync needs could not be read or written"));
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("the sync HTTP handler failed serving {}", request, e);
      return responses.problem(HttpProblem.internal());
    }
  }

  private Authorizer.Decision decide(HttpRequest request) {
    try {
      return Objects.requireNonNull(authorizer.authorize(request), "the authorizer's decision");
    } catch (RuntimeException e) {
      LOG.warn("the authorizer failed on {}; the request is refused", request, e);
      return Authorizer.Decision.FORBIDDEN;
    }
  }

  private HttpResponse dispatch(HttpRequest request) {
    String path = request.path();
    if (!path.startsWith(basePath + "/")) {
      throw HttpProblem.noRoute();
    }
    String[] segments = path.substring(basePath.length() + 1).split("/", -1);
    for (Route route : routes) {
      String id = route.match(segments);
      if (id == null) {
        continue;
      }
      Route.Action action = route.methods().get(request.method());
      if (action == null) {
        throw HttpProblem.methodNotAllowed(String.join(", ", new TreeSet<>(route.methods().keySet())));
      }
      if (request.bodySize() > maxBodyBytes) {
        throw HttpProblem.tooLarge(maxBodyBytes);
      }
      return action.serve(request, id);
    }
    throw HttpProblem.noRoute();
  }

  private static byte[] loadOpenApi() {
    try (InputStream in = SyncHttpHandler.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + OPENAPI + " is missing next to " + SyncHttpHandler.class);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + OPENAPI, e);
    }
  }

  /** A path template and the action of each method it allows. */
  record Route(String template, Map<String, Action> methods) {
    interface Action {
      HttpResponse serve(HttpRequest request, String id);
    }

    static Route of(String template, String method, Action action) {
      return new Route(template, Map.of(method, action));
    }

    /** The {@code {id}} segment if the path matches ("" when the template has none), else null. */
    @Nullable String match(String[] segments) {
      String[] parts = template.substring(1).split("/");
      if (parts.length != segments.length) {
        return null;
      }
      String id = "";
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals("{id}") && isId(segments[i])) {
          id = segments[i];
        } else if (!parts[i].equals(segments[i])) {
          return null;
        }
      }
      return id;
    }

    private static boolean isId(String segment) {
      return !segment.isEmpty() && segment.length() <= 100 && !segment.equals(".") && !segment.equals("..")
          && segment.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'));
    }
  }
}
