package io.terrafusion.sync.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.terrafusion.sync.api.Resolution;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.JdkHttpServerAdapter;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP endpoints over the JDK server in front of a real sync between two H2 databases. */
class HttpEndToEndTest {
  private static final String TOKEN = "e2e-token";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EmbeddedDatabase source = EmbeddedDatabase.h2();
  private final EmbeddedDatabase target = EmbeddedDatabase.h2();
  private final HttpClient client = HttpClient.newHttpClient();
  private HeldTarget heldTarget;
  private SyncEngine engine;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    CountyProject.createSchema(source);
    CountyProject.createSchema(target);
    CountyProject.generate(source.store(), 60, 7);
    heldTarget = new HeldTarget(target.store());
    engine = SyncEngine.builder().source(source.store()).target(heldTarget).batchSize(25)
        .conflictResolver(conflict -> Resolution.defer("an operator decides")).build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    JdkHttpServerAdapter.mount(server, SyncHttpHandler.builder().engine(engine).basePath("/ops")
        .authorizer(Authorizer.bearerToken(TOKEN)).maxBodyBytes(4096).build());
    server.start();
  }

  @AfterEach
  void stop() {
    heldTarget.release.countDown();
    server.stop(0);
    engine.close();
    source.close();
    target.close();
  }

  @Test
  void fullSyncStartedOverHttpIsFollowedToCompletionAndTheTargetMatches() {
    HttpResponse<String> started = post("/ops/sync/full", "{\"initiator\": \"e2e\"}", true);
    assertThat(started.statusCode()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    String id = json(started).get("jobId").asText();
    engine.job(id).orElseThrow().result().join();

    JsonNode done = json(get(location));
    assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.get("tables")).hasSize(4);
    assertThat(done.at("/progress/rows").asLong()).isEqualTo(source.count("owners") + source.count("parcels")
        + source.count("assessments") + source.count("permits"));
    SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());

    assertThat(json(get("/ops/sync/status")).at("/items/0/jobId").asText()).isEqualTo(id);
    JsonNode health = json(get("/ops/health"));
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/lastJob/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(get("/ops/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/ops/health/live").statusCode()).isEqualTo(200);
    assertThat(json(get("/ops/openapi.json")).get("openapi").asText()).isEqualTo("3.1.0");

    HttpResponse<String> validated = post("/ops/sync/validate", "{\"tables\": [\"parcels\", \"owners\"]}", true);
    assertThat(json(validated).get("valid").asBoolean()).isTrue();
    assertThat(json(validated).get("tables").size()).isEqualTo(2);

    target.update("DELETE FROM permits WHERE permit_no = (SELECT MIN(permit_no) FROM permits)");
    JsonNode differing = json(post("/ops/sync/validate", "{\"tables\": [\"permits\"]}", true));
    assertThat(differing.get("valid").asBoolean()).isFalse();
    assertThat(differing.at("/tables/permits")).hasSize(1);
    assertThat(differing.at("/tables/permits/0/rule").asText()).isEqualTo("row-missing");
  }

  @Test
  void heldJobIsCancelledOverHttpAndRefusesOverlappingJobsMeanwhile() throws InterruptedException {
    heldTarget.hold();
    String id = json(post("/ops/sync/full", "{\"tables\": [\"owners\", \"parcels\"]}", true)).get("jobId").asText();
    assertThat(heldTarget.applying.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(json(get("/ops/sync/status/" + id)).get("state").asText()).isEqualTo("RUNNING");

    HttpResponse<String> overlapping = post("/ops/sync/incremental", "{\"tables\": [\"parcels\"]}", true);
    assertProblem(overlapping, 409);
    assertThat(json(overlapping).get("runningJobId").asText()).isEqualTo(id);

    assertThat(send(request("/ops/sync/status/" + id, true).DELETE()).statusCode()).isEqualTo(202);
    heldTarget.release.countDown();
    engine.job(id).orElseThrow().result().join();
    assertThat(json(get("/ops/sync/status/" + id)).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(target.count("parcels")).isZero();
  }

  @Test
  void conflictQueuedByASyncIsResolvedOverHttpWithAMergedRow() {
    engine.run(SyncRequest.full());
    long parcel = target.queryLong("SELECT MIN(parcel_id) FROM parcels");
    target.update("UPDATE parcels SET situs_address = 'target side' WHERE parcel_id = ?", parcel);
    source.update("UPDATE parcels SET situs_address = 'source side' WHERE parcel_id = ?", parcel);
    engine.run(SyncRequest.full());

    JsonNode queued = json(get("/ops/sync/conflicts?table=parcels"));
    assertThat(queued.get("items")).hasSize(1);
    assertThat(queued.at("/items/0/source/situs_address").asText()).isEqualTo("source side");
    assertThat(queued.at("/items/0/target/situs_address").asText()).isEqualTo("target side");
    String conflict = queued.at("/items/0/id").asText();

    assertProblem(post("/ops/sync/conflicts/" + conflict,
        "{\"resolution\": \"merged\", \"row\": {\"acres\": \"lots\"}}", true), 400);
    HttpResponse<String> resolved = post("/ops/sync/conflicts/" + conflict,
        "{\"resolution\": \"merged\", \"row\": {\"situs_address\": \"merged\", \"acres\": 2.5}}", true);
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(target.queryLong("SELECT COUNT(*) FROM parcels WHERE parcel_id = ? AND situs_address = 'merged'"
        + " AND acres = ?", parcel, new BigDecimal("2.5"))).isEqualTo(1);
    assertThat(json(get("/ops/sync/conflicts")).get("items")).isEmpty();
    assertProblem(post("/ops/sync/conflicts/" + conflict, "{\"resolution\": \"source\"}", true), 404);
  }

  @Test
  void everyErrorStatusIsAProblemWithoutInternals() {
    assertProblem(post("/ops/sync/full", "{\"tables\": [", true), 400);
    assertProblem(post("/ops/sync/full", "{\"tables\": [\"no_such_table\"]}", true), 400);
    assertProblem(get("/ops/sync/status/00000000-0000-0000-0000-000000000000"), 404);
    assertProblem(send(request("/ops/sync/conflicts", true).DELETE()), 405);
    assertProblem(post("/ops/sync/full", "{\"initiator\": \"" + "x".repeat(5000) + "\"}", true), 413);
    assertProblem(send(request("/ops/sync/full", true).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString("<tables/>"))), 415);
    assertProblem(post("/ops/sync/full", "{}", false), 401);
    assertProblem(send(request("/ops/sync/status", false).header("Authorization", "Bearer wrong").GET()), 401);
  }

  @Test
  void withoutAnAuthorizerMutatingRoutesAreForbidden() throws IOException {
    HttpServer open = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    JdkHttpServerAdapter.mount(open, SyncHttpHandler.builder().engine(engine).build());
    open.start();
    try {
      String base = "http://127.0.0.1:" + open.getAddress().getPort();
      HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/sync/full"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertProblem(refused, 403);
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/sync/status")).GET()).statusCode()).isEqualTo(200);
      assertThat(engine.activeJobs()).isEmpty();
      assertThat(target.count("owners")).isZero();
    } finally {
      open.stop(0);
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception", "at io.", "SQL", "password", "jdbc:");
  }

  private HttpResponse<String> get(String path) {
    return send(request(path, true).GET());
  }

  private HttpResponse<String> post(String path, String body, boolean withToken) {
    return send(request(path, withToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, boolean withToken) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    return withToken ? builder.header("Authorization", "Bearer " + TOKEN) : builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
