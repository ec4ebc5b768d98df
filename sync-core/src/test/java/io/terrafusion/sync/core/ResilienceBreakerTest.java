package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.CircuitBreakerStatus.State;
import io.terrafusion.sync.api.CircuitOpenException;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.http.HttpRequest;
import io.terrafusion.sync.core.http.HttpResponse;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.spi.WriteBatch;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The target's breaker opens after repeated transient failures, fails jobs fast, shows on /health and closes again. */
class ResilienceBreakerTest {
  /** Long enough that the second job surely runs while the breaker is open; the test waits it out by polling. */
  private static final Duration OPEN_FOR = Duration.ofSeconds(2);

  private final MemoryStore source = new MemoryStore("memory:source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("memory:target").create(Schemas.items());
  private final RecordingSink audit = new RecordingSink();
  private final AtomicBoolean down = new AtomicBoolean(true);
  private final AtomicInteger calls = new AtomicInteger();

  /** A target that, while down, fails every call as a lost connection; counts every call it gets. */
  private final ForwardingTargetStore target = new ForwardingTargetStore(store) {
    private void call() {
      calls.incrementAndGet();
      if (down.get()) {
        throw new DataAccessException("connection refused", null, null, "08001", null);
      }
    }

    @Override
    public List<TableId> tables() {
      call();
      return super.tables();
    }

    @Override
    public Optional<TableSchema> table(TableId table) {
      call();
      return super.table(table);
    }

    @Override
    public List<Row> read(TableSchema table, KeyRange range, int limit) {
      call();
      return super.read(table, range, limit);
    }

    @Override
    public List<Row> fetch(TableSchema table, List<RowKey> keys) {
      call();
      return super.fetch(table, keys);
    }

    @Override
    public void apply(TableSchema table, WriteBatch batch) {
      call();
      super.apply(table, batch);
    }
  };

  ResilienceBreakerTest() {
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
  }

  private SyncEngine engine() {
    return SyncEngine.builder().source(source).target(target).batchSize(2).auditSink(audit)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0))
        .circuitBreaker(new CircuitBreakerPolicy(3, OPEN_FOR, 1))
        .build();
  }

  private static CircuitBreakerStatus breaker(SyncEngine engine, String name) {
    return engine.circuitBreakers().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void opensAfterTheThresholdFailsFastWithoutCallingTheStoreThenClosesAfterTheDelayOnSuccess() throws Exception {
    try (SyncEngine engine = engine()) {
      assertThat(engine.circuitBreakers()).extracting(CircuitBreakerStatus::name)
          .containsExactly("source", "target", "stateStore");
      assertThat(engine.circuitBreakers()).extracting(CircuitBreakerStatus::state).containsOnly(State.CLOSED);

      // two attempts of the first job, one of the second: three failures in a row open the breaker
      assertThat(engine.start(SyncRequest.full()).result().join().state()).isEqualTo(JobState.FAILED);
      assertThat(breaker(engine, "target").state()).isEqualTo(State.CLOSED);
      assertThat(engine.start(SyncRequest.full()).result().join().state()).isEqualTo(JobState.FAILED);
      CircuitBreakerStatus open = breaker(engine, "target");
      assertThat(open.state()).isEqualTo(State.OPEN);
      assertThat(open.failures()).isEqualTo(3);
      assertThat(breaker(engine, "source").state()).isEqualTo(State.CLOSED);
      assertThat(audit.types()).containsOnlyOnce(AuditEventType.CIRCUIT_OPENED);
      assertThat(health(engine).status()).isEqualTo(503);

      int before = calls.get();
      SyncReport refused = engine.start(SyncRequest.full()).result().join();
      assertThat(refused.state()).isEqualTo(JobState.FAILED);
      assertThat(refused.failure()).contains("circuit breaker of the target store memory:target is open since")
          .contains("calls fail fast until");
      assertThat(calls.get()).isEqualTo(before);

      down.set(false);
      awaitState(engine, State.HALF_OPEN);
      assertThat(engine.run(SyncRequest.full()).state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(breaker(engine, "target").state()).isEqualTo(State.CLOSED);
      assertThat(audit.types()).containsOnlyOnce(AuditEventType.CIRCUIT_CLOSED);
      assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      HttpResponse up = health(engine);
      assertThat(up.status()).isEqualTo(200);
      assertThat(json(up).at("/components/circuitBreakers/breakers/1/state").asText()).isEqualTo("CLOSED");
    }
  }

  @Test
  void anOpenBreakerMakesHealthDownAndNamesTheBreaker() throws Exception {
    try (SyncEngine engine = engine()) {
      engine.start(SyncRequest.full()).result().join();
      engine.start(SyncRequest.full()).result().join();
      down.set(false);
      HttpResponse response = health(engine);
      assertThat(response.status()).isEqualTo(503);
      JsonNode body = json(response);
      assertThat(body.get("status").asText()).isEqualTo("DOWN");
      assertThat(body.at("/components/target/status").asText()).isEqualTo("UP");
      JsonNode breakers = body.at("/components/circuitBreakers");
      assertThat(breakers.get("status").asText()).isEqualTo("DOWN");
      assertThat(breakers.get("detail").asText()).contains("target");
      assertThat(breakers.at("/breakers/1/name").asText()).isEqualTo("target");
      assertThat(breakers.at("/breakers/1/state").asText()).isEqualTo("OPEN");
      assertThat(breakers.at("/breakers/1/failures").asLong()).isEqualTo(3);
    }
  }

  @Test
  void theOpenBreakersExceptionNamesStoreAndTimes() {
    try (SyncEngine engine = engine()) {
      engine.start(SyncRequest.full()).result().join();
      engine.start(SyncRequest.full()).result().join();
      SyncReport refused = engine.start(SyncRequest.full()).result().join();
      CircuitBreakerStatus open = breaker(engine, "target");
      assertThat(refused.failure()).isEqualTo(new CircuitOpenException("target", "memory:target", open.since(),
          open.since().plus(OPEN_FOR)).getMessage());
    }
  }

  private static void awaitState(SyncEngine engine, State state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (breaker(engine, "target").state() != state) {
      assertThat(System.nanoTime()).as("the target's breaker reaches %s", state).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static HttpResponse health(SyncEngine engine) {
    SyncHttpHandler handler = SyncHttpHandler.builder().engine(engine).build();
    return handler.handle(HttpRequest.of("GET", "/health", null, Map.of(), new byte[0]));
  }

  private static JsonNode json(HttpResponse response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }
}
