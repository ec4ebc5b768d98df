package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transient failures of the target, the source's change stream and the state store are retried; others are not. */
class ResilienceRetryTest {
  private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), 0.25);

  private final MemoryStore source = new MemoryStore("memory:source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("memory:target").create(Schemas.items());
  private final RecordingSink audit = new RecordingSink();

  ResilienceRetryTest() {
    for (long id = 1; id <= 10; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
  }

  /** A target whose first {@code failures} applies throw the given failure. */
  private static final class FailingApplies extends ForwardingTargetStore {
    private final int failures;
    private final RuntimeException failure;
    final AtomicInteger calls = new AtomicInteger();

    FailingApplies(MemoryStore delegate, int failures, RuntimeException failure) {
      super(delegate);
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
      if (calls.incrementAndGet() <= failures) {
        throw failure;
      }
      super.apply(table, batch, alongside);
    }
  }

  private static DataAccessException connectionLost() {
    return new DataAccessException("connection lost while writing items", ITEMS, null, "08006", null);
  }

  private SyncEngineBuilder engine(ForwardingTargetStore target) {
    return SyncEngine.builder().source(source).target(target).batchSize(3).auditSink(audit).retryPolicy(QUICK);
  }

  private List<AuditEvent> retries() {
    return audit.events().stream().filter(e -> e.type() == AuditEventType.RETRY).toList();
  }

  @Test
  void transientApplyFailuresAreRetriedUntilTheJobSucceeds() {
    FailingApplies target = new FailingApplies(store, 2, connectionLost());
    try (SyncEngine engine = engine(target).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.tables().get(0).inserted()).isEqualTo(10);
    }
    assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(retries()).hasSize(2);
    assertThat(retries().get(0).details())
        .containsEntry("store", "target")
        .containsEntry("attempt", "1")
        .containsEntry("sqlState", "08006")
        .containsEntry("operation", "apply a batch to items");
    assertThat(retries().get(1).details()).containsEntry("attempt", "2");
  }

  @Test
  void aFailureThatIsNotTransientIsNotRetried() {
    DataAccessException missing = new DataAccessException("relation items does not exist", ITEMS, null, "42P01", null);
    FailingApplies target = new FailingApplies(store, 1, missing);
    try (SyncEngine engine = engine(target).build()) {
      SyncReport report = engine.start(SyncRequest.full()).result().join();
      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(report.failure()).contains("relation items does not exist");
    }
    assertThat(target.calls).hasValue(1);
    assertThat(retries()).isEmpty();
  }

  @Test
  void theJobFailsWithTheLastFailureWhenTheAttemptsRunOut() {
    FailingApplies target = new FailingApplies(store, Integer.MAX_VALUE, connectionLost());
    try (SyncEngine engine = engine(target).circuitBreaker(new CircuitBreakerPolicy(100, Duration.ofMinutes(1), 1))
        .build()) {
      SyncReport report = engine.start(SyncRequest.full()).result().join();
      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(report.failure()).contains("connection lost while writing items");
    }
    assertThat(target.calls).hasValue(QUICK.maxAttempts());
    assertThat(retries()).hasSize(QUICK.maxAttempts() - 1);
  }

  @Test
  void noRetryPolicyTriesOnce() {
    FailingApplies target = new FailingApplies(store, 1, connectionLost());
    try (SyncEngine engine = engine(target).retryPolicy(RetryPolicy.none()).build()) {
      assertThat(engine.start(SyncRequest.full()).result().join().state()).isEqualTo(JobState.FAILED);
    }
    assertThat(target.calls).hasValue(1);
    assertThat(retries()).isEmpty();
  }

  @Test
  void cancellingAJobWaitingToRetryEndsItCancelledWithoutAnotherAttempt() throws Exception {
    FailingApplies target = new FailingApplies(store, Integer.MAX_VALUE, connectionLost());
    CountDownLatch waiting = new CountDownLatch(1);
    RetryPolicy patient = new RetryPolicy(3, Duration.ofHours(1), Duration.ofHours(1), 0);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(3).retryPolicy(patient)
        .auditSink(event -> {
          if (event.type() == AuditEventType.RETRY) {
            waiting.countDown();
          }
        }).build()) {
      SyncJob job = engine.start(SyncRequest.full());
      assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(job.cancel()).isTrue();
      SyncReport report = job.result().get(30, TimeUnit.SECONDS);
      assertThat(report.state()).isEqualTo(JobState.CANCELLED);
    }
    assertThat(target.calls).hasValue(1);
  }

  @Test
  void aChangeStreamThatFailsTransientlyIsReopenedFromTheLastSavedCheckpointWithoutCountingTwice() {
    AtomicInteger reads = new AtomicInteger();
    ForwardingTargetStore flakySource = new ForwardingTargetStore(source) {
      @Override
      public List<Row> read(TableSchema table, KeyRange range, int limit) {
        if (reads.incrementAndGet() == 3) {
          throw new DataAccessException("server closed the connection", ITEMS, null, "08003", null);
        }
        return super.read(table, range, limit);
      }
    };
    InMemoryStateStore state = new InMemoryStateStore();
    try (SyncEngine engine = SyncEngine.builder().source(flakySource).target(store).stateStore(state).batchSize(3)
        .auditSink(audit).retryPolicy(QUICK).build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.tables().get(0).inserted()).isEqualTo(10);
      assertThat(report.tables().get(0).updated()).isZero();
    }
    assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(retries()).singleElement().satisfies(retry -> assertThat(retry.details())
        .containsEntry("store", "source")
        .containsEntry("operation", "read changes of items")
        .containsEntry("sqlState", "08003"));
    assertThat(audit.events().stream().filter(e -> e.type() == AuditEventType.ROW_INSERTED)).hasSize(10);
  }
}
