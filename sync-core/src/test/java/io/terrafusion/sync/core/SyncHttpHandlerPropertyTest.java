package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.HttpRequest;
import io.terrafusion.sync.core.http.HttpResponse;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However malformed the path, query or body, the handler answers with no 500 and no internals. */
class SyncHttpHandlerPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> ROUTES = List.of("/sync/full", "/sync/incremental", "/sync/validate",
      "/sync/conflicts", "/sync/conflicts/{id}", "/sync/status", "/sync/status/{id}", "/health", "/health/live",
      "/health/ready", "/openapi.json");

  record Call(String method, String path, String query, String contentType, byte[] body) {
    @Override
    public String toString() {
      return method + " " + path + "?" + query + " [" + contentType + "] " + new String(body, StandardCharsets.UTF_8);
    }
  }

  @Property(tries = 1500)
  void noRequestGetsA500OrLeaksInternals(@ForAll("calls") Call call) throws IOException {
    MemoryStore source = new MemoryStore("memory:source").create(Schemas.items()).put(ITEMS, 1L, "a", 1L);
    MemoryStore target = new MemoryStore("memory:target").create(Schemas.items()).put(ITEMS, 1L, "b", 2L);
    InMemoryStateStore state = new InMemoryStateStore();
    state.addConflict(new Conflict("c1", ITEMS, RowKey.of(1L), ChangeKind.UPDATE, source.row(ITEMS, 1L).orElseThrow(),
        target.row(ITEMS, 1L).orElseThrow(), Instant.EPOCH));
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).build()) {
      SyncHttpHandler handler = SyncHttpHandler.builder().engine(engine).basePath("/ops")
          .authorizer(r -> Authorizer.Decision.ALLOW).maxBodyBytes(512).build();
      HttpResponse response = handler.handle(HttpRequest.of(call.method(), call.path(), call.query(),
          Map.of("Content-Type", List.of(call.contentType())), call.body()));
      String body = new String(response.body(), StandardCharsets.UTF_8);
      assertThat(response.status()).as(body).isNotEqualTo(500).isBetween(200, 503);
      assertThat(body).doesNotContain("Exception", "at io.", "SQL", "password");
      assertThat(MAPPER.readTree(body)).isNotNull();
      if (response.status() >= 400) {
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
      }
    }
  }

  @Provide
  Arbitrary<Call> calls() {
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "get", "OPTIONS");
    Arbitrary<String> path = Arbitraries.oneOf(
        Arbitraries.of(ROUTES).flatMap(r -> ids().map(id -> "/ops" + r.replace("{id}", id))),
        junk().map(s -> "/ops/" + s),
        junk().map(s -> "/ops/sync/" + s),
        junk());
    Arbitrary<String> query = Arbitraries.oneOf(
        Arbitraries.of("", "limit=0", "limit=-1", "limit=99999999999", "offset=x", "table=", "table=%00", "table=a%",
            "limit=5&offset=2&table=items", "table=nosuch"),
        junk());
    Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
        "text/plain", "", "application/problem+json", "multipart/form-data");
    return Combinators.combine(method, path, query, contentType, bodies()).as(Call::new);
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.oneOf(Arbitraries.of("c1", "..", ".", "", "%2F", "no-such-id"), junk());
  }

  private static Arbitrary<String> junk() {
    return Arbitraries.strings().all().ofMaxLength(40);
  }

  private static Arbitrary<byte[]> bodies() {
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "7", "-1", "1e999", "\"\"", "\"items\"", "\"nosuch\"", "[]", "{}", "[\"items\"]",
            "[\"items\",\"items\"]", "[{\"schema\":\"s\",\"name\":\"items\"}]", "[{\"name\":7}]", "{\"items\":\"hashdiff\"}",
            "{\"items\":\"\"}", "{\"other\":\"x\"}", "\"source\"", "\"target\"", "\"merged\"", "{\"qty\":\"x\"}",
            "{\"id\":2}", "{\"name\":null,\"qty\":3}", "{\"nosuch\":1}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"),
        junk().map(s -> MAPPER.valueToTree(s).toString()));
    Arbitrary<String> field = Arbitraries.of("tables", "detectors", "initiator", "resolution", "row", "extra", "");
    Arbitrary<String> object = Combinators.combine(field, value, field, value)
        .as((f1, v1, f2, v2) -> "{\"" + f1 + "\": " + v1 + ", \"" + f2 + "\": " + v2 + "}");
    return Arbitraries.oneOf(
        object.map(s -> s.getBytes(StandardCharsets.UTF_8)),
        object.map(s -> s.substring(0, s.length() / 2).getBytes(StandardCharsets.UTF_8)),
        value.map(s -> s.getBytes(StandardCharsets.UTF_8)),
        junk().map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
        Arbitraries.just(new byte[0]),
        Arbitraries.just("{\"initiator\": \"".concat("y".repeat(600)).concat("\"}").getBytes(StandardCharsets.UTF_8)));
  }
}
