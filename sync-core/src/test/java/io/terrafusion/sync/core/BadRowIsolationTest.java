package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Rows the target refuses at write time: found by splitting the batch, dead-lettered or failing the job. */
class BadRowIsolationTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore store = new MemoryStore("target").create(Schemas.items());
  private final RefusingTarget target = new RefusingTarget(store);
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final RecordingSink audit = new RecordingSink();

  private SyncEngineBuilder builder(int batchSize) {
    return SyncEngine.builder().source(source).target(target).stateStore(state).auditSink(audit)
        .batchSize(batchSize).executor(Runnable::run);
  }

  private void fillSource(long rows) {
    LongStream.rangeClosed(1, rows).forEach(id -> source.put(ITEMS, id, "name " + id, id));
  }

  private TableReport runFull(int batchSize) {
    try (SyncEngine engine = builder(batchSize).build()) {
      return engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
    }
  }

  @Test
  void oneRefusedRowOfABatchOf25000IsDeadLetteredAndTheOthersApplied() {
    fillSource(25_000);
    target.refuse(12_345L);
    TableReport report = runFull(25_000);
    assertThat(report.inserted()).isEqualTo(24_999);
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(store.rows(ITEMS)).hasSize(24_999);
    assertThat(store.row(ITEMS, 12_345L)).isEmpty();
    assertThat(state.deadLetters(null, 0, 10)).singleElement().satisfies(letter -> {
      assertThat(letter.table()).isEqualTo(ITEMS);
      assertThat(letter.key()).isEqualTo(RowKey.of(12_345L));
      assertThat(letter.row()).isNotNull();
      assertThat(letter.row().get("name")).isEqualTo("name 12345");
      assertThat(letter.reason()).contains("22001").contains("(12345)").contains("items").doesNotContain("name 12345");
    });
  }

  @Test
  void findingOneRefusedRowTakesLogarithmicallyManyApplies() {
    fillSource(4_096);
    target.refuse(1_000L);
    runFull(4_096);
    // the whole batch, then one transaction per level of the split and the refused row alone
    assertThat(target.applies()).isLessThanOrEqualTo(2 * 12 + 2);
  }

  @Test
  void severalRefusedRowsAreEachDeadLetteredOnce() {
    fillSource(1_000);
    target.refuse(1L, 2L, 500L, 501L, 1_000L);
    TableReport report = runFull(1_000);
    assertThat(report.inserted()).isEqualTo(995);
    assertThat(report.deadLettered()).isEqualTo(5);
    assertThat(state.deadLetters(ITEMS, 0, 100)).extracting(DeadLetter::key)
        .containsExactlyInAnyOrder(RowKey.of(1L), RowKey.of(2L), RowKey.of(500L), RowKey.of(501L), RowKey.of(1_000L));
  }

  @Test
  void appliedRowsAreAuditedAndCountedOnceAndRefusedOnesNever() {
    fillSource(300);
    target.refuse(17L, 250L);
    runFull(300);
    List<AuditEvent> inserted = audit.events().stream().filter(e -> e.type() == AuditEventType.ROW_INSERTED).toList();
    assertThat(inserted).hasSize(298);
    assertThat(inserted).extracting(AuditEvent::key).doesNotHaveDuplicates()
        .doesNotContain(RowKey.of(17L), RowKey.of(250L));
    assertThat(audit.events()).filteredOn(e -> e.type() == AuditEventType.ROW_DEAD_LETTERED)
        .extracting(AuditEvent::key).containsExactlyInAnyOrder(RowKey.of(17L), RowKey.of(250L));
  }

  @Test
  void failPolicyFailsTheJobNamingTableKeyAndReason() {
    fillSource(100);
    target.refuse(42L);
    try (SyncEngine engine = builder(100).deadLetterPolicy(DeadLetterPolicy.FAIL).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("items").contains("(42)").contains("22001").contains("FAIL");
    }
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
    assertThat(store.row(ITEMS, 42L)).isEmpty();
  }

  @Test
  void aFailureThatIsNotAboutValuesIsNotSplit() {
    fillSource(100);
    AtomicInteger applies = new AtomicInteger();
    ForwardingTargetStore noTable = new ForwardingTargetStore(store) {
      @Override
      public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
        applies.incrementAndGet();
        throw new DataAccessException("cannot apply a batch to table items: SQLState 42P01, vendor code 0", ITEMS,
            null, "42P01", null);
      }
    };
    try (SyncEngine engine = builder(100).target(noTable).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("42P01");
    }
    assertThat(applies).hasValue(1);
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
  }

  @Test
  void aRerunThatBringsOnlyTheRefusedRowsAgainDeadLettersThemAgain() {
    fillSource(100);
    target.refuse(10L, 20L, 30L);
    runFull(100);
    TableReport rerun = runFull(100);
    assertThat(rerun.deadLettered()).isEqualTo(3);
    assertThat(rerun.unchanged()).isEqualTo(97);
    assertThat(state.deadLetters(ITEMS, 0, 100)).hasSize(6);
  }

  @Test
  void aTableThatRefusesEveryRowIsGivenUpEarly() {
    fillSource(5_000);
    target.refuse(LongStream.rangeClosed(1, 5_000).boxed().toArray());
    try (SyncEngine engine = builder(5_000).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("took none of the batch").contains("not in particular rows")
          .contains("(1)");
    }
    assertThat(target.applies()).isLessThan(200);
    assertThat(state.deadLetters(null, 0, 100)).isEmpty();
  }

  @Test
  void aTableThatRefusesEveryRowIsGivenUpEarlyWhenTheStoreNamesTheRows() {
    fillSource(5_000);
    target.refuse(LongStream.rangeClosed(1, 5_000).boxed().toArray()).hint(null, true);
    try (SyncEngine engine = builder(5_000).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("took none of the batch");
    }
    assertThat(target.applies()).isLessThan(200);
    assertThat(state.deadLetters(null, 0, 100)).isEmpty();
  }

  @Test
  void aKeyNamedByTheStoreIsTriedFirst() {
    fillSource(4_096);
    target.refuse(3_000L).hint(null, true);
    TableReport report = runFull(4_096);
    assertThat(report.deadLettered()).isEqualTo(1);
    // the whole, the named row alone, the others
    assertThat(target.applies()).isEqualTo(3);
  }

  @Test
  void aWrongKeyNamedByTheStoreIsNotTrusted() {
    fillSource(200);
    target.refuse(150L).hint(7L, false);
    TableReport report = runFull(200);
    assertThat(report.inserted()).isEqualTo(199);
    assertThat(store.row(ITEMS, 7L)).isPresent();
    assertThat(state.deadLetters(null, 0, 10)).extracting(DeadLetter::key).containsExactly(RowKey.of(150L));
  }

  @Test
  void aStoreThatNamesEachOfManyRefusedRowsInTurnLeadsToThemAll() {
    fillSource(5_000);
    Object[] bad = LongStream.rangeClosed(1, 500).map(i -> i * 10).boxed().toArray();
    target.refuse(bad).hint(null, true);
    TableReport report = runFull(5_000);
    assertThat(report.inserted()).isEqualTo(4_500);
    assertThat(report.deadLettered()).isEqualTo(500);
    assertThat(state.deadLetters(ITEMS, 0, 1_000)).extracting(DeadLetter::key).doesNotHaveDuplicates().hasSize(500);
    assertThat(target.applies()).isLessThan(2 * 5_000);
  }

  @Test
  void aStoreThatNamesWrongRowsIsTrustedOnlyOnce() {
    fillSource(4_096);
    target.refuse(100L, 2_000L, 4_000L).hint(5L, false);
    TableReport report = runFull(4_096);
    assertThat(report.deadLettered()).isEqualTo(3);
    assertThat(target.applies()).isLessThan(3 * (2 * 12 + 2) + 2);
  }

  @Test
  void aRefusedDeleteIsDeadLetteredAndTheTargetRowKept() {
    fillSource(10);
    LongStream.rangeClosed(1, 10).forEach(id -> store.put(ITEMS, id, "name " + id, id));
    store.put(ITEMS, 11L, "child", 0L).put(ITEMS, 12L, "gone", 0L);
    target.refuse(11L);
    TableReport report = runFull(100);
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(store.row(ITEMS, 11L)).isPresent();
    assertThat(store.row(ITEMS, 12L)).isEmpty();
    assertThat(state.deadLetters(null, 0, 10)).singleElement().satisfies(letter -> {
      assertThat(letter.key()).isEqualTo(RowKey.of(11L));
      assertThat(letter.row()).isNull();
    });
  }
}
