package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.spi.JoinedAuditWrite;
import io.terrafusion.sync.spi.TargetStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A chained sink whose store shares the target's transaction: the row events of a batch join it, a
 * rollback puts the chain's head back, and a commit makes them durable once.
 */
class AuditTransactionChainTest {
  private final MemoryStore target = new MemoryStore("target");
  private final TransactionalAuditStore store = new TransactionalAuditStore(target);
  private final ChainedAuditSink sink = AuditSinks.chained(store);

  @Test
  void aRolledBackTransactionLeavesNoRecordAndTheNextRecordTakesItsSequence() {
    sink.record(job(AuditEventType.JOB_STARTED));
    JoinedAuditWrite joined = join(rows(1, 2));

    run(joined);
    store.rollback();
    joined.rolledBack();
    sink.record(row(3));
    sink.flush();

    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    assertThat(store.records()).extracting(AuditRecord::type)
        .containsExactly(AuditEventType.JOB_STARTED, AuditEventType.ROW_INSERTED);
    assertThat(store.records().get(1).key()).isEqualTo(RowKey.of(3L));
    assertThat(AuditVerifier.verify(store, 10).valid()).isTrue();
  }

  @Test
  void aCommittedTransactionHoldsTheRecordsBufferedBeforeItAndIsNotAppendedAgain() {
    sink.record(job(AuditEventType.JOB_STARTED));
    JoinedAuditWrite joined = join(rows(1, 2));

    run(joined);
    store.commit();
    joined.committed();
    sink.flush();
    sink.record(job(AuditEventType.JOB_SUCCEEDED));
    sink.flush();

    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(store.appends).isEqualTo(1);
    assertThat(AuditVerifier.verify(store, 10).valid()).isTrue();
  }

  @Test
  void aWriteRunAgainAfterARolledBackAttemptStoresTheSameRecords() {
    JoinedAuditWrite joined = join(rows(1, 2));

    run(joined);
    store.rollback();
    run(joined);
    store.commit();
    joined.committed();

    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    assertThat(AuditVerifier.verify(store, 10).valid()).isTrue();
  }

  @Test
  void eventsRecordedWhileATransactionIsOpenFollowItsRecordsOrTakeTheirPlace() {
    JoinedAuditWrite first = join(rows(1, 2));
    sink.record(job(AuditEventType.RETRY));
    run(first);
    store.rollback();
    first.rolledBack();
    sink.flush();
    JoinedAuditWrite second = join(rows(5));
    sink.record(job(AuditEventType.JOB_SUCCEEDED));
    run(second);
    store.commit();
    second.committed();
    sink.flush();

    assertThat(store.records()).extracting(AuditRecord::type)
        .containsExactly(AuditEventType.RETRY, AuditEventType.ROW_INSERTED, AuditEventType.JOB_SUCCEEDED);
    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
    assertThat(AuditVerifier.verify(store, 10).valid()).isTrue();
  }

  @Test
  void aCommitReportedAsFailedThatDidHappenKeepsItsRecords() {
    JoinedAuditWrite joined = join(rows(1));

    run(joined);
    store.commit();
    joined.rolledBack();
    sink.record(row(2));
    sink.flush();

    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    assertThat(AuditVerifier.verify(store, 10).valid()).isTrue();
  }

  @Test
  void aStoreThatDoesNotShareTheTargetLeavesTheEventsToRecord() {
    MemoryStore other = new MemoryStore("other");

    assertThat(sink.joinTransaction(rows(1, 2), other)).isEmpty();
    sink.record(row(7));
    sink.flush();

    assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L);
    assertThat(store.records().get(0).key()).isEqualTo(RowKey.of(7L));
  }

  @Test
  void theThreadWithAnOpenTransactionCannotFlushOrJoinAgain() {
    JoinedAuditWrite joined = join(rows(1));

    assertThatThrownBy(sink::flush).isInstanceOf(IllegalStateException.class).hasMessageContaining("end it first");
    assertThatThrownBy(() -> sink.joinTransaction(rows(2), target)).isInstanceOf(IllegalStateException.class);
    joined.rolledBack();
    sink.flush();
    assertThat(store.records()).isEmpty();
  }

  @Test
  void anotherThreadsFlushReturnsOnlyWithItsEventsDurable() {
    JoinedAuditWrite joined = join(rows(1));
    sink.record(job(AuditEventType.RETRY));
    CompletableFuture<List<AuditEventType>> flushed = CompletableFuture.supplyAsync(() -> {
      sink.flush();
      return store.records().stream().map(AuditRecord::type).toList();
    });

    run(joined);
    store.commit();
    joined.committed();

    assertThat(flushed.join()).containsExactly(AuditEventType.ROW_INSERTED, AuditEventType.RETRY);
  }

  private JoinedAuditWrite join(List<AuditEvent> events) {
    return sink.joinTransaction(events, target).orElseThrow();
  }

  private static void run(JoinedAuditWrite joined) {
    try {
      joined.write(null);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static List<AuditEvent> rows(long... ids) {
    return Arrays.stream(ids).mapToObj(AuditTransactionChainTest::row).toList();
  }

  private static AuditEvent row(long id) {
    return AuditEvent.ofRow("job-1", 1, Instant.EPOCH, AuditEventType.ROW_INSERTED, Schemas.ITEMS, RowKey.of(id), null,
        null, Map.of());
  }

  private static AuditEvent job(AuditEventType type) {
    return AuditEvent.ofJob("job-1", Instant.EPOCH, type, Map.of());
  }
}
