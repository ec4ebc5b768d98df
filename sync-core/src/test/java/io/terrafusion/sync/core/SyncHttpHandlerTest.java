package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.HttpClientFixture.json;
import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.Resolution;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SyncHttpHandlerTest {
  private static final String TOKEN = "s3cret-token";

  private final MemoryStore source = new MemoryStore("memory:source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("memory:target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();
  private SyncEngine engine;
  private HttpClientFixture http;

  @BeforeEach
  void start() {
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id * 10);
    }
    engine = SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(2).build();
    http = new HttpClientFixture(handler(Authorizer.bearerToken(TOKEN)), TOKEN);
  }

  @AfterEach
  void stop() {
    http.close();
    engine.close();
  }

  private SyncHttpHandler handler(Authorizer authorizer) {
    return SyncHttpHandler.builder().engine(engine).basePath("/ops").authorizer(authorizer).maxBodyBytes(1024)
        .healthTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void fullSyncStartedOverHttpIsFollowedToSuccess() {
    HttpResponse<String> started = http.post("/ops/sync/full", "{\"tables\": [\"items\"], \"initiator\": \"ops\"}");
    assertThat(started.statusCode()).isEqualTo(202);
    String id = json(started).get("jobId").asText();
    assertThat(started.headers().firstValue("Location")).hasValue("/ops/sync/status/" + id);
    assertThat(json(started).get("initiator").asText()).isEqualTo("ops");

    engine.job(id).orElseThrow().result().join();
    JsonNode done = json(http.get("/ops/sync/status/" + id));
    assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.at("/tables/0/inserted").asLong()).isEqualTo(5);
    assertThat(done.at("/progress/rows").asLong()).isEqualTo(5);
    assertThat(done.at("/progress/estimatedMillisLeft").asLong()).isZero();
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));

    JsonNode list = json(http.get("/ops/sync/status?limit=1"));
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.at("/items/0/jobId").asText()).isEqualTo(id);
  }

  @Test
  void incrementalJobTakesDetectorsAndRefusesAnUnknownOne() {
    HttpResponse<String> started = http.post("/ops/sync/incremental",
        "{\"tables\": [\"items\"], \"detectors\": {\"items\": \"hashdiff\"}}");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(json(started).get("mode").asText()).isEqualTo("INCREMENTAL");
    engine.job(json(started).get("jobId").asText()).orElseThrow().result().join();

    HttpResponse<String> unknown = http.post("/ops/sync/incremental",
        "{\"tables\": [\"items\"], \"detectors\": {\"items\": \"nosuch\"}}");
    assertProblem(unknown, 400, "field", "detectors");
  }

  @Test
  void jobHeldAtTheTargetCanBeCancelledOverHttpAndBlocksOverlappingJobs() throws InterruptedException {
    CountDownLatch applying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    target.beforeApply(n -> {
      applying.countDown();
      await(release);
    });
    String id = json(http.post("/ops/sync/full", "{}")).get("jobId").asText();
    assertThat(applying.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(json(http.get("/ops/sync/status/" + id)).get("state").asText()).isEqualTo("RUNNING");

    HttpResponse<String> overlapping = http.post("/ops/sync/full", "{\"tables\": [\"items\"]}");
    assertProblem(overlapping, 409, "runningJobId", id);

    HttpResponse<String> cancel = http.delete("/ops/sync/status/" + id);
    assertThat(cancel.statusCode()).isEqualTo(202);
    release.countDown();
    engine.job(id).orElseThrow().result().join();
    assertThat(json(http.get("/ops/sync/status/" + id)).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(target.rows(ITEMS)).hasSize(2);
    assertProblem(http.delete("/ops/sync/status/" + id), 409, "parameter", "id");
  }

  @Test
  void jobFailureTextIsShownOnlyWhenItHoldsNoInternals() {
    target.beforeApply(n -> {
      throw new IllegalStateException("INSERT INTO items failed on jdbc:h2:mem:x;PASSWORD=hunter2");
    });
    String leaky = json(http.post("/ops/sync/full", "{}")).get("jobId").asText();
    engine.job(leaky).orElseThrow().result().join();
    HttpResponse<String> hidden = http.get("/ops/sync/status/" + leaky);
    assertThat(json(hidden).get("state").asText()).isEqualTo("FAILED");
    assertThat(json(hidden).get("failure").asText()).isEqualTo("the job failed; the service log has the details");
    assertThat(hidden.body()).doesNotContainIgnoringCase("hunter2").doesNotContain("INSERT", "jdbc:");

    target.beforeApply(n -> {
      throw new DataAccessException("connection lost writing items", ITEMS, null, "08006", null);
    });
    String plain = json(http.post("/ops/sync/full", "{}")).get("jobId").asText();
    engine.job(plain).orElseThrow().result().join();
    assertThat(json(http.get("/ops/sync/status/" + plain)).get("failure").asText())
        .isEqualTo("connection lost writing items");
  }

  @Test
  void conflictsAreListedAndResolvedBySourceTargetOrMergedRow() {
    target.put(ITEMS, 1L, "target", 1L);
    target.put(ITEMS, 2L, "target", 2L);
    target.put(ITEMS, 3L, "target", 3L);
    String bySource = queue(1L);
    String byTarget = queue(2L);
    String merged = queue(3L);

    JsonNode list = json(http.get("/ops/sync/conflicts?table=items&limit=10"));
    assertThat(list.get("items")).hasSize(3);
    assertThat(list.at("/items/0/source/name").asText()).isEqualTo("n1");
    assertThat(list.at("/items/0/key/0").asLong()).isEqualTo(1);

    assertThat(http.post("/ops/sync/conflicts/" + bySource, "{\"resolution\": \"source\"}").statusCode()).isEqualTo(200);
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("n1");
    assertThat(http.post("/ops/sync/conflicts/" + byTarget, "{\"resolution\": \"target\"}").statusCode()).isEqualTo(200);
    assertThat(target.row(ITEMS, 2L).orElseThrow().get("name")).isEqualTo("target");

    assertProblem(http.post("/ops/sync/conflicts/" + merged, "{\"resolution\": \"merged\", \"row\": {\"qty\": \"many\"}}"),
        400, "field", "row.qty");
    assertProblem(http.post("/ops/sync/conflicts/" + merged, "{\"resolution\": \"merged\", \"row\": {\"id\": 4}}"),
        400, "field", "row");
    HttpResponse<String> resolved = http.post("/ops/sync/conflicts/" + merged,
        "{\"resolution\": \"merged\", \"row\": {\"name\": \"both\", \"qty\": 33}}");
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(target.row(ITEMS, 3L).orElseThrow().toMap()).isEqualTo(Map.of("id", 3L, "name", "both", "qty", 33L));
    assertThat(state.conflicts(null, 0, 10)).isEmpty();
    assertProblem(http.post("/ops/sync/conflicts/" + merged, "{\"resolution\": \"source\"}"), 404, "parameter", "id");
  }

  @Test
  @Timeout(60)
  void ofTwoConcurrentResolutionsOnlyOneWrites() throws InterruptedException {
    target.put(ITEMS, 1L, "target", 1L);
    String id = queue(1L);
    CountDownLatch applying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    target.beforeApply(n -> {
      applying.countDown();
      await(release);
    });
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"source\"}"));
    assertThat(applying.await(30, TimeUnit.SECONDS)).isTrue();

    assertProblem(http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"target\"}"), 404, "parameter", "id");
    release.countDown();
    assertThat(first.join().statusCode()).isEqualTo(200);
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("n1");
  }

  @Test
  void aConflictWhoseWriteFailsStaysQueued() {
    target.put(ITEMS, 1L, "target", 1L);
    String id = queue(1L);
    target.beforeApply(n -> {
      throw new DataAccessException("connection lost writing items", ITEMS, null, "08006", null);
    });
    assertThat(http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"source\"}").statusCode()).isGreaterThanOrEqualTo(500);
    assertThat(state.conflict(id)).isPresent();

    target.beforeApply(n -> {});
    assertThat(http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"source\"}").statusCode()).isEqualTo(200);
    assertThat(state.conflict(id)).isEmpty();
  }

  @Test
  void aConflictIsNotResolvedWhileAJobSyncsItsTable() throws InterruptedException {
    target.put(ITEMS, 1L, "target", 1L);
    String id = queue(1L);
    CountDownLatch applying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    target.beforeApply(n -> {
      applying.countDown();
      await(release);
    });
    String job = engine.start(SyncRequest.full()).id();
    assertThat(applying.await(30, TimeUnit.SECONDS)).isTrue();

    assertProblem(http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"source\"}"), 409, "runningJobId", job);
    assertThat(state.conflict(id)).isPresent();
    release.countDown();
    engine.job(job).orElseThrow().result().join();
  }

  @Test
  void resolvedConflictDoesNotComeBackOnTheNextSync() {
    engine.run(SyncRequest.full());
    target.put(ITEMS, 1L, "target", 1L);
    String id = queue(1L);
    http.post("/ops/sync/conflicts/" + id, "{\"resolution\": \"source\"}");
    engine.run(SyncRequest.full());
    assertThat(state.conflicts(null, 0, 10)).isEmpty();
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
  }

  @Test
  void keepingTheTargetHoldsUntilTheSourceChangesAgain() {
    try (SyncEngine manual = engine.toBuilder().conflictResolver(c -> Resolution.defer("a person decides")).build();
        HttpClientFixture client = new HttpClientFixture(SyncHttpHandler.builder().engine(manual).basePath("/ops")
            .authorizer(Authorizer.bearerToken(TOKEN)).build(), TOKEN)) {
      manual.run(SyncRequest.full());
      target.put(ITEMS, 1L, "kept at the target", 1L);
      source.put(ITEMS, 1L, "changed at the source", 10L);
      manual.run(SyncRequest.full());
      List<Conflict> queued = state.conflicts(ITEMS, 0, 10);
      assertThat(queued).hasSize(1);

      assertThat(client.post("/ops/sync/conflicts/" + queued.get(0).id(), "{\"resolution\": \"target\"}").statusCode())
          .isEqualTo(200);
      SyncReport again = manual.run(SyncRequest.full());
      assertThat(again.table(ITEMS).orElseThrow().conflicts()).isZero();
      assertThat(state.conflicts(null, 0, 10)).isEmpty();
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("kept at the target");

      source.put(ITEMS, 1L, "changed again", 10L);
      SyncReport changed = manual.run(SyncRequest.full());
      assertThat(changed.table(ITEMS).orElseThrow().conflicts()).isZero();
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("changed again");
    }
  }

  @Test
  void validateComparesSchemasThenRowsOfEachRequestedTable() {
    engine.run(SyncRequest.full());
    HttpResponse<String> equal = http.post("/ops/sync/validate", "{\"tables\": [\"items\"]}");
    assertThat(equal.statusCode()).isEqualTo(200);
    assertThat(json(equal).get("valid").asBoolean()).isTrue();
    assertThat(json(equal).at("/tables/items")).isEmpty();

    target.remove(ITEMS, 2L);
    HttpResponse<String> differing = http.post("/ops/sync/validate", "{}");
    assertThat(json(differing).get("valid").asBoolean()).isFalse();
    assertThat(json(differing).at("/tables/items/0/rule").asText()).isEqualTo("row-missing");
    assertThat(json(differing).at("/tables/items/0/key/0").asLong()).isEqualTo(2);
  }

  @Test
  void healthIsUpWhenEveryStoreAnswersAndReportsTheLastJob() {
    engine.run(SyncRequest.full());
    HttpResponse<String> health = http.get("/ops/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("UP");
    assertThat(json(health).at("/components/source/name").asText()).isEqualTo("memory:source");
    assertThat(json(health).at("/lastJob/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(http.get("/ops/health/ready").statusCode()).isEqualTo(200);
    assertThat(json(http.get("/ops/health/live")).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void healthIsDownWhenAStoreFailsOrHangs() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    ForwardingTargetStore hanging = new ForwardingTargetStore(target) {
      @Override
      public List<TableId> tables() {
        await(release);
        return super.tables();
      }
    };
    ForwardingTargetStore failing = new ForwardingTargetStore(target) {
      @Override
      public List<TableId> tables() {
        throw new DataAccessException("SQL select failed, password=x", null, null, "08001", null);
      }
    };
    try (SyncEngine slow = SyncEngine.builder().source(source).target(hanging).build();
        SyncEngine broken = SyncEngine.builder().source(source).target(failing).build();
        HttpClientFixture slowHttp = new HttpClientFixture(SyncHttpHandler.builder().engine(slow)
            .healthTimeout(Duration.ofMillis(200)).build(), "");
        HttpClientFixture brokenHttp = new HttpClientFixture(SyncHttpHandler.builder().engine(broken).build(), "")) {
      HttpResponse<String> timedOut = slowHttp.get("/health");
      assertThat(timedOut.statusCode()).isEqualTo(503);
      assertThat(json(timedOut).at("/components/target/status").asText()).isEqualTo("DOWN");
      assertThat(json(timedOut).at("/components/source/status").asText()).isEqualTo("UP");
      assertThat(slowHttp.get("/health/live").statusCode()).isEqualTo(200);

      HttpResponse<String> down = brokenHttp.get("/health/ready");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).doesNotContain("SQL", "password", "Exception");
    } finally {
      release.countDown();
    }
  }

  @Test
  void everyErrorIsAProblemNamingWhatIsAtFault() {
    assertProblem(http.post("/ops/sync/full", "{\"tables\": [\"items\""), 400, "field", "");
    assertProblem(http.post("/ops/sync/full", "{\"tables\": [\"nosuch\"]}"), 400, "field", "tables[0]");
    assertProblem(http.post("/ops/sync/full", "{\"tables\": \"items\"}"), 400, "field", "tables");
    assertProblem(http.post("/ops/sync/full", "{\"initiator\": 7}"), 400, "field", "initiator");
    assertProblem(http.get("/ops/sync/status?limit=0"), 400, "parameter", "limit");
    assertProblem(http.get("/ops/sync/status/no-such-job"), 404, "parameter", "id");
    assertProblem(http.get("/ops/sync/nowhere"), 404, null, null);
    assertProblem(http.get("/ops/sync/status/"), 404, null, null);
    assertProblem(http.get("/ops/sync/status/%2e%2e"), 404, null, null);
    io.terrafusion.sync.core.http.HttpResponse outside = handler(Authorizer.bearerToken(TOKEN)).handle(
        io.terrafusion.sync.core.http.HttpRequest.of("GET", "/opsx/sync/status", null,
            Map.of("Authorization", List.of("Bearer " + TOKEN)), new byte[0]));
    assertThat(outside.status()).isEqualTo(404);
    HttpResponse<String> notAllowed = http.get("/ops/sync/full");
    assertProblem(notAllowed, 405, null, null);
    assertThat(notAllowed.headers().firstValue("Allow")).hasValue("POST");
    assertThat(http.send(http.builder("/ops/sync/status/x").PUT(HttpRequest.BodyPublishers.noBody()))
        .headers().firstValue("Allow")).hasValue("DELETE, GET");
    assertProblem(http.post("/ops/sync/full", "{\"initiator\": \"" + "x".repeat(2000) + "\"}"), 413, "field", "");
    assertProblem(http.send(http.builder("/ops/sync/full").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("tables=items"))), 415, "header", "Content-Type");
  }

  @Test
  void authorizerDecidesAndTheDefaultRefusesMutatingRoutes() {
    try (HttpClientFixture anonymous = new HttpClientFixture(handler(Authorizer.bearerToken(TOKEN)), "");
        HttpClientFixture defaults = new HttpClientFixture(SyncHttpHandler.builder().engine(engine).build(), "")) {
      assertProblem(anonymous.get("/ops/sync/status"), 401, null, null);
      assertProblem(defaults.post("/sync/full", "{}"), 403, null, null);
      assertProblem(defaults.delete("/sync/status/x"), 403, null, null);
      assertThat(defaults.get("/sync/status").statusCode()).isEqualTo(200);
      assertThat(engine.activeJobs()).isEmpty();
      assertThat(state.jobs(0, 10)).isEmpty();
    }
  }

  @Test
  void openApiDocumentListsExactlyTheRoutesServed() throws IOException {
    SyncHttpHandler handler = handler(Authorizer.bearerToken(TOKEN));
    JsonNode doc = new ObjectMapper().readTree(http.get("/ops/openapi.json").body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Map<String, Set<String>> documented = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      Set<String> methods = new TreeSet<>();
      path.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
      documented.put(path.getKey(), methods);
    }
    assertThat(documented).isEqualTo(new TreeMap<>(handler.routes()));
  }

  private String queue(long id) {
    Row sourceRow = source.row(ITEMS, id).orElseThrow();
    Row targetRow = target.row(ITEMS, id).orElseThrow();
    Conflict conflict = new Conflict("c" + id, ITEMS, RowKey.of(id), ChangeKind.UPDATE, sourceRow, targetRow,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id));
    state.addConflict(conflict);
    return conflict.id();
  }

  static void assertProblem(HttpResponse<String> response, int status, String member, String value) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).startsWith("https://");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (member != null) {
      assertThat(problem.get(member).asText()).isEqualTo(value);
    }
    assertThat(response.body()).doesNotContain("Exception", "at io.", "SQL", "password");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the latch");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
