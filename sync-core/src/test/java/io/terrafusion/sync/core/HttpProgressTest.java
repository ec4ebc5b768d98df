package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.HttpClientFixture.json;
import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /sync/status/{id}} shows the live progress of a running job, held inside its second batch. */
class HttpProgressTest {
  private static final String TOKEN = "progress-token";
  private static final long WAIT_SECONDS = 30;

  private final MemoryStore source = new MemoryStore("memory:source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("memory:target").create(Schemas.items());
  private final GatedTarget target = new GatedTarget(store);

  @Test
  void statusOfARunningJobShowsRowsRateAndTimeLeftPerTable() throws Exception {
    for (long id = 1; id <= 6; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    ForwardingTargetStore estimating = new ForwardingTargetStore(source) {
      @Override
      public OptionalLong estimatedRowCount(TableSchema table) {
        return OptionalLong.of(6);
      }
    };
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    target.hook(ITEMS, n -> {
      if (n == 2) {
        held.countDown();
        assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      }
    });
    try (SyncEngine engine = SyncEngine.builder().source(estimating).target(target).batchSize(2)
            .clock(new ManualClock(Duration.ofSeconds(1))).build();
        HttpClientFixture http = new HttpClientFixture(SyncHttpHandler.builder().engine(engine).basePath("/ops")
            .authorizer(Authorizer.bearerToken(TOKEN)).build(), TOKEN)) {
      String id = json(http.post("/ops/sync/full", "{\"tables\": [\"items\"]}")).get("jobId").asText();
      try {
        assertThat(held.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        JsonNode running = json(http.get("/ops/sync/status/" + id));

        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        JsonNode progress = running.get("progress");
        assertThat(progress.get("rows").asLong()).isEqualTo(2);
        assertThat(progress.get("inserted").asLong()).isEqualTo(2);
        assertThat(progress.get("estimatedRows").asLong()).isEqualTo(6);
        assertThat(progress.get("estimatedMillisLeft").isIntegralNumber()).isTrue();
        assertThat(progress.get("tablesTotal").asInt()).isEqualTo(1);
        JsonNode table = progress.at("/tables/0");
        assertThat(table.get("table").asText()).isEqualTo("items");
        assertThat(table.get("phase").asText()).isEqualTo("RUNNING");
        assertThat(table.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(table.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(table.get("estimatedRows").asLong()).isEqualTo(6);
        assertThat(table.get("estimatedMillisLeft").asLong()).isPositive();
      } finally {
        release.countDown();
      }
      engine.job(id).orElseThrow().result().join();
      JsonNode done = json(http.get("/ops/sync/status/" + id)).get("progress");
      assertThat(done.get("rows").asLong()).isEqualTo(6);
      assertThat(done.get("estimatedMillisLeft").asLong()).isZero();
      assertThat(done.at("/tables/0/phase").asText()).isEqualTo("FINISHED");
    }
  }
}
