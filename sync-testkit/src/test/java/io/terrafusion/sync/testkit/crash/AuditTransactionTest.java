package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.JoinedAuditWrite;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.crash.CheckpointTransactionTest.WritePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On PostgreSQL, with the JDBC audit table and state store in the target database, a batch's row
 * records commit with its rows and its checkpoint or not at all. A deferred constraint trigger refuses
 * a marker row at commit, after the rows, the records and the checkpoint were written: the crash
 * between applying a batch and recording it.
 */
class AuditTransactionTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final String MARKER = CommitRefusal.MARKER;
  private static final Set<AuditEventType> ROWS =
      Set.of(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED, AuditEventType.ROW_DELETED);

  private ServerDatabase db;
  private JdbcStore store;
  private JdbcStateStore state;
  private JdbcAuditStore audit;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_audit_tx");
    db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
    CommitRefusal.install(db);
    store = db.store();
    state = JdbcStateStore.create(db.dataSource());
    audit = JdbcAuditStore.create(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(WritePath.class)
  void aCrashBetweenApplyingABatchAndRecordingItLeavesNeither(WritePath path) {
    TableSchema items = store.table(ITEMS).orElseThrow();
    ChainedAuditSink sink = AuditSinks.chained(audit);
    sink.record(AuditEvent.ofJob("job-1", Instant.EPOCH, AuditEventType.JOB_STARTED, Map.of()));
    state.saveCheckpoint(checkpoint("before"));
    int rows = path.rows(store);

    JoinedAuditWrite refused = sink.joinTransaction(events(1, rows), store).orElseThrow();
    WriteBatch marked = new WriteBatch(rows(items, 1, rows, rows / 2), List.of(), path.newRows);
    assertThatThrownBy(() -> store.apply(items, marked, List.of(refused, checkpointWrite("after"))))
        .isInstanceOf(DataAccessException.class);
    refused.rolledBack();

    assertThat(db.count("items")).isZero();
    assertThat(db.count("tfsync_audit_records")).isZero();
    assertThat(state.checkpoint(ITEMS, "test").orElseThrow().position()).isEqualTo("before");

    JoinedAuditWrite committed = sink.joinTransaction(events(1, rows), store).orElseThrow();
    store.apply(items, new WriteBatch(rows(items, 1, rows, -1), List.of(), path.newRows),
        List.of(committed, checkpointWrite("after")));
    committed.committed();

    assertThat(db.count("items")).isEqualTo(rows);
    assertThat(db.count("tfsync_audit_records")).isEqualTo(rows + 1);
    assertThat(state.checkpoint(ITEMS, "test").orElseThrow().position()).isEqualTo("after");
    assertThat(audit.records(0, rows + 1)).extracting(AuditRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, rows + 1).boxed().toList());
    assertThat(AuditVerifier.verify(audit, 50).valid()).isTrue();
  }

  @Test
  void aSyncStoppedByABatchRefusedAtCommitKeepsRowsRecordsAndCheckpointOfTheBatchesBefore() {
    try (EmbeddedDatabase source = EmbeddedDatabase.h2()) {
      source.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
      for (long id = 1; id <= 9; id++) {
        source.update("INSERT INTO items VALUES (?, ?)", id, id == 5 ? MARKER : "item " + id);
      }
      CountingStateStore counting = new CountingStateStore(state);
      SyncReport report;
      try (ChainedAuditSink sink = AuditSinks.chained(audit);
          SyncEngine engine = SyncEngine.builder().source(source.store()).target(store).stateStore(counting)
              .batchSize(3).auditSink(sink).build()) {
        report = engine.start(SyncRequest.full(ITEMS)).result().join();
      }

      assertThat(report.state()).isEqualTo(JobState.FAILED);
      assertThat(db.queryLong("SELECT MAX(id) FROM items")).isEqualTo(3);
      assertThat(db.count("items")).isEqualTo(3);
      assertThat(rowKeys()).containsExactly(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L));
      assertThat(FullScanPosition.key(state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow().position()))
          .isEqualTo(3);
      assertThat(counting.carried.get()).isEqualTo(2);
      assertThat(counting.savedAlone.get()).isZero();
      assertThat(audit.records(0, 100)).extracting(AuditRecord::type)
          .contains(AuditEventType.JOB_STARTED, AuditEventType.JOB_FAILED);
      assertThat(AuditVerifier.verify(audit, 5).valid()).isTrue();
    }
  }

  private List<RowKey> rowKeys() {
    return audit.records(0, 1000).stream().filter(r -> ROWS.contains(r.type())).map(AuditRecord::key).toList();
  }

  private TransactionalWrite checkpointWrite(String position) {
    return state.checkpointWrite(checkpoint(position), store).orElseThrow();
  }

  private static Checkpoint checkpoint(String position) {
    return new Checkpoint(ITEMS, "test", position);
  }

  private static List<AuditEvent> events(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(id -> AuditEvent.ofRow("job-1", 1, Instant.EPOCH,
        AuditEventType.ROW_INSERTED, ITEMS, RowKey.of(id), null, null, Map.of())).toList();
  }

  /** Rows from..to, the one at {@code marker} (if any) carrying the name the trigger refuses. */
  private static List<Row> rows(TableSchema items, long from, long to, long marker) {
    List<Row> rows = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      rows.add(Row.of(items.layout(), id, id == marker ? MARKER : "item " + id));
    }
    return rows;
  }
}
