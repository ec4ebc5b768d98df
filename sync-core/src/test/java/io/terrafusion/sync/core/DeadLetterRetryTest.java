package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.DeadLetterRetryReport;
import io.terrafusion.sync.api.JobConflictException;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Listing dead letters and retrying them once the cause is fixed. */
class DeadLetterRetryTest {
  private static final Validator NO_NEGATIVE_QTY = (row, table) ->
      row.get("qty") instanceof Long qty && qty < 0
          ? List.of(new Violation(table.id(), row.key(), "qty", "non-negative", "qty must not be negative"))
          : List.of();

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("target").create(Schemas.items());
  private final RefusingTarget target = new RefusingTarget(store);
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final RecordingSink audit = new RecordingSink();

  private SyncEngineBuilder builder() {
    return SyncEngine.builder().source(source).target(target).stateStore(state).auditSink(audit).batchSize(50)
        .executor(Runnable::run);
  }

  private void fillSource(long rows) {
    LongStream.rangeClosed(1, rows).forEach(id -> source.put(ITEMS, id, "name " + id, id));
  }

  @Test
  void aRowAppliedOnRetryLosesItsDeadLetter() {
    fillSource(100);
    target.refuse(7L, 64L);
    try (SyncEngine engine = builder().build()) {
      engine.run(SyncRequest.full());
      assertThat(engine.deadLetters(ITEMS, 0, 10)).extracting(DeadLetter::key)
          .containsExactlyInAnyOrder(RowKey.of(7L), RowKey.of(64L));
      target.allowAll();
      DeadLetterRetryReport report = engine.retryDeadLetters(ITEMS);
      assertThat(report.retried()).isEqualTo(2);
      assertThat(report.applied()).isEqualTo(2);
      assertThat(report.stillFailing()).isZero();
      assertThat(report.job().state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(report.job().table(ITEMS).orElseThrow().inserted()).isEqualTo(2);
    }
    assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
  }

  @Test
  void aRowRefusedAgainKeepsOneLetterWithTheNewReason() {
    fillSource(20);
    target.refuse(3L, 9L);
    try (SyncEngine engine = builder().build()) {
      engine.run(SyncRequest.full());
      engine.run(SyncRequest.full());
      List<DeadLetter> before = engine.deadLetters(ITEMS, 0, 10);
      assertThat(before).hasSize(4);
      target.allowAll().refuse(9L);
      DeadLetterRetryReport report = engine.retryDeadLetters(null);
      assertThat(report.retried()).isEqualTo(2);
      assertThat(report.applied()).isEqualTo(1);
      assertThat(report.stillFailing()).isEqualTo(1);
      List<DeadLetter> after = engine.deadLetters(null, 0, 10);
      assertThat(after).singleElement().satisfies(letter -> {
        assertThat(letter.key()).isEqualTo(RowKey.of(9L));
        assertThat(letter.jobId()).isEqualTo(report.job().jobId());
        assertThat(letter.reason()).contains("22001");
        assertThat(before).extracting(DeadLetter::id).doesNotContain(letter.id());
      });
    }
    assertThat(store.row(ITEMS, 3L)).isPresent();
    assertThat(store.row(ITEMS, 9L)).isEmpty();
  }

  @Test
  void aRowTheSourceNoLongerHasIsDeletedAtTheTargetAndLosesItsLetter() {
    source.put(ITEMS, 1L, "ok", 1L).put(ITEMS, 2L, "bad", -2L);
    store.put(ITEMS, 2L, "old", 2L);
    try (SyncEngine engine = builder().validator(NO_NEGATIVE_QTY).build()) {
      engine.run(SyncRequest.full());
      assertThat(engine.deadLetters(ITEMS, 0, 10)).hasSize(1);
      assertThat(store.row(ITEMS, 2L)).isPresent();
      source.remove(ITEMS, 2L);
      DeadLetterRetryReport report = engine.retryDeadLetters(ITEMS);
      assertThat(report.applied()).isEqualTo(1);
      assertThat(report.job().table(ITEMS).orElseThrow().deleted()).isEqualTo(1);
    }
    assertThat(store.row(ITEMS, 2L)).isEmpty();
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
  }

  @Test
  void aRowAValidatorRejectedIsWrittenOnceTheSourceIsFixed() {
    source.put(ITEMS, 1L, "ok", 1L).put(ITEMS, 2L, "bad", -2L);
    try (SyncEngine engine = builder().validator(NO_NEGATIVE_QTY).build()) {
      engine.run(SyncRequest.full());
      source.put(ITEMS, 2L, "fixed", 2L);
      assertThat(engine.retryDeadLetters(null).applied()).isEqualTo(1);
    }
    assertThat(store.row(ITEMS, 2L).orElseThrow().get("name")).isEqualTo("fixed");
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
    assertThat(audit.types()).contains(AuditEventType.ROW_INSERTED);
  }

  @Test
  void underTheFailPolicyARowRefusedAgainFailsTheRetryAndKeepsItsLetter() {
    fillSource(10);
    target.refuse(4L);
    try (SyncEngine engine = builder().build()) {
      engine.run(SyncRequest.full());
    }
    try (SyncEngine engine = builder().deadLetterPolicy(DeadLetterPolicy.FAIL).build()) {
      assertThatThrownBy(() -> engine.retryDeadLetters(ITEMS)).isInstanceOf(JobFailedException.class)
          .hasMessageContaining("(4)").hasMessageContaining("22001");
    }
    assertThat(state.deadLetters(null, 0, 10)).extracting(DeadLetter::key).containsExactly(RowKey.of(4L));
  }

  @Test
  void aRetryOfATableThatAJobHoldsIsRefused() {
    List<Runnable> queued = new ArrayList<>();
    try (SyncEngine engine = builder().executor(queued::add).build()) {
      SyncJob holder = engine.start(SyncRequest.full(ITEMS));
      assertThatThrownBy(() -> engine.retryDeadLetters(ITEMS)).isInstanceOf(JobConflictException.class)
          .hasMessageContaining(holder.id());
      assertThatThrownBy(() -> engine.retryDeadLetters(null)).isInstanceOf(JobConflictException.class);
    }
  }

  @Test
  void aRetryOfATableNoSourceTableMapsToIsRefused() {
    try (SyncEngine engine = builder().build()) {
      assertThatThrownBy(() -> engine.retryDeadLetters(TableId.of("nothing")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing");
    }
  }

  @Test
  void listingRejectsABadPage() {
    try (SyncEngine engine = builder().build()) {
      assertThatThrownBy(() -> engine.deadLetters(null, -1, 10)).hasMessageContaining("offset must be >= 0");
      assertThatThrownBy(() -> engine.deadLetters(null, 0, 0)).hasMessageContaining("limit must be > 0");
    }
  }
}
