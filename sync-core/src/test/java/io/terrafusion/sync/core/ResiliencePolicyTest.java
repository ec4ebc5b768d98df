package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.StateStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The builder's retry and breaker options, and retries of the state store. */
class ResiliencePolicyTest {
  private final MemoryStore source = new MemoryStore("memory:source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("memory:target").create(Schemas.items());

  @Test
  void badPoliciesAreReportedTogetherNamingEachRule() {
    SyncEngineBuilder builder = SyncEngine.builder().source(source).target(target)
        .retryPolicy(new RetryPolicy(0, Duration.ofMillis(-1), Duration.ofMillis(-2), 1.5))
        .circuitBreaker(new CircuitBreakerPolicy(0, Duration.ZERO, 0));
    InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class, builder::build);
    assertThat(e.problems()).containsExactly(
        "retryPolicy.maxAttempts must be >= 1 but was 0",
        "retryPolicy.initialDelay must not be negative but was PT-0.001S",
        "retryPolicy.maxDelay must be >= initialDelay (PT-0.001S) but was PT-0.002S",
        "retryPolicy.jitter must be between 0 and 1 but was 1.5",
        "circuitBreaker.failureThreshold must be >= 1 but was 0",
        "circuitBreaker.delay must be positive but was PT0S",
        "circuitBreaker.successThreshold must be >= 1 but was 0");
  }

  @Test
  void defaultsAreValidAndAVariantKeepsThePolicies() {
    RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50), 0.1);
    CircuitBreakerPolicy breaker = new CircuitBreakerPolicy(7, Duration.ofSeconds(3), 2);
    assertThat(RetryPolicy.defaults()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), 0.25));
    assertThat(RetryPolicy.defaults().problems("retryPolicy")).isEmpty();
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(CircuitBreakerPolicy.defaults().problems("circuitBreaker")).isEmpty();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).retryPolicy(retry)
        .circuitBreaker(breaker).build();
        SyncEngine variant = engine.toBuilder().build()) {
      assertThat(variant.toBuilder()).usingRecursiveComparison().isEqualTo(engine.toBuilder());
      assertThat(variant.circuitBreakers()).hasSize(3);
    }
  }

  @Test
  void aTransientFailureOfTheStateStoreIsRetried() {
    for (long id = 1; id <= 5; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
    InMemoryStateStore state = new InMemoryStateStore();
    AtomicInteger saves = new AtomicInteger();
    StateStore flaky = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
        new Class<?>[] {StateStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("saveCheckpoint") && saves.incrementAndGet() == 2) {
            throw new DataAccessException("deadlock saving a checkpoint", ITEMS, null, "40P01", null);
          }
          try {
            return method.invoke(state, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    RecordingSink audit = new RecordingSink();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(flaky).batchSize(2)
        .auditSink(audit).retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 0)).build()) {
      assertThat(engine.run(SyncRequest.full()).inserted()).isEqualTo(5);
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    List<AuditEvent> retries = audit.events().stream().filter(e -> e.type() == AuditEventType.RETRY).toList();
    assertThat(retries).singleElement().satisfies(r -> assertThat(r.details())
        .containsEntry("store", "stateStore")
        .containsEntry("sqlState", "40P01")
        .containsEntry("operation", "save the checkpoint of items"));
  }
}
