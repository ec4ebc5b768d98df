package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.spi.AuditSink;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Through the engine, a chained sink over a store that shares the target's transactions records each
 * transaction's row events in it: only transactions that commit leave records, one per applied change.
 */
class AuditInTransactionTest {
  private static final Set<AuditEventType> ROWS =
      Set.of(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED, AuditEventType.ROW_DELETED);

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore memory = new MemoryStore("target").create(Schemas.items());
  private final CommittingTarget target = new CommittingTarget(memory);
  private final TransactionalAuditStore store = new TransactionalAuditStore(target);

  @Test
  void eachTransactionCommitsTheRecordsOfItsRows() {
    fill(1, 10);

    SyncReport report = run(AuditSinks.chained(store));

    assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(target.alongside).containsExactly(1, 1, 1, 1);
    assertThat(rowKeys()).containsExactlyElementsOf(keys(1, 10));
    assertThat(AuditVerifier.verify(store, 7).valid()).isTrue();
  }

  @Test
  void aTransactionThatFailsAtCommitLeavesNoRecordOfItsRows() {
    fill(1, 10);
    target.failAt = 3;

    SyncReport report = run(AuditSinks.chained(store));

    assertThat(report.state()).isEqualTo(JobState.FAILED);
    assertThat(memory.rows(ITEMS)).hasSize(6);
    assertThat(rowKeys()).containsExactlyElementsOf(keys(1, 6));
    assertThat(store.records()).extracting(AuditRecord::type).contains(AuditEventType.JOB_FAILED);
    assertThat(AuditVerifier.verify(store, 7).valid()).isTrue();
  }

  @Test
  void thePartsOfABatchSplitToFindRefusedRowsEachCarryTheirOwnRecords() {
    fill(1, 10);
    memory.beforeApply(n -> {
      if (n == 2) {
        throw new DataAccessException("value too long writing items", ITEMS, null, "22001", null);
      }
    });

    SyncReport report = run(AuditSinks.chained(store));

    assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(memory.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(rowKeys()).containsExactlyInAnyOrderElementsOf(keys(1, 10));
    assertThat(AuditVerifier.verify(store, 7).valid()).isTrue();
  }

  @Test
  void aSinkOutsideTheTransactionGetsTheRowEventsOnceTheyCommitted() {
    fill(1, 10);
    target.failAt = 3;
    RecordingSink outside = new RecordingSink();

    run(AuditSinks.chained(store), outside);

    assertThat(outside.events().stream().filter(e -> ROWS.contains(e.type())).map(AuditEvent::key))
        .containsExactlyElementsOf(keys(1, 6));
    assertThat(rowKeys()).containsExactlyElementsOf(keys(1, 6));
  }

  private SyncReport run(AuditSink... sinks) {
    SyncEngineBuilder builder = SyncEngine.builder().source(source).target(target).batchSize(3);
    for (AuditSink sink : sinks) {
      builder.auditSink(sink);
    }
    try (SyncEngine engine = builder.build()) {
      SyncReport report = engine.start(SyncRequest.full()).result().join();
      for (AuditSink sink : sinks) {
        if (sink instanceof ChainedAuditSink chained) {
          chained.flush();
        }
      }
      return report;
    }
  }

  private void fill(long from, long to) {
    for (long id = from; id <= to; id++) {
      source.put(ITEMS, id, "n" + id, id);
    }
  }

  private List<RowKey> rowKeys() {
    return store.records().stream().filter(r -> ROWS.contains(r.type())).map(AuditRecord::key).toList();
  }

  private static List<RowKey> keys(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(RowKey::of).toList();
  }

  /**
   * A target whose transactions the audit store shares: the writes run first and are kept only when
   * the batch applies; transaction {@link #failAt} fails at its commit, after everything ran.
   */
  private final class CommittingTarget extends ForwardingTargetStore {
    final List<Integer> alongside = new ArrayList<>();
    int transactions;
    int failAt = -1;

    CommittingTarget(MemoryStore delegate) {
      super(delegate);
    }

    @Override
    public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> writes) {
      transactions++;
      for (TransactionalWrite write : writes) {
        try {
          write.write(null);
        } catch (SQLException e) {
          throw new AssertionError(e);
        }
      }
      try {
        if (transactions == failAt) {
          throw new DataAccessException("permission denied committing items", ITEMS, null, "42501", null);
        }
        super.apply(table, batch);
      } catch (RuntimeException e) {
        store.rollback();
        throw e;
      }
      store.commit();
      alongside.add(writes.size());
    }
  }
}
