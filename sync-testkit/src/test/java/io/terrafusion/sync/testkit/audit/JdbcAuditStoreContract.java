package io.terrafusion.sync.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerification;
import io.terrafusion.sync.core.audit.AuditVerification.Kind;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every database must do for the JDBC audit store. */
abstract class JdbcAuditStoreContract {
  static final TableId PARCELS = TableId.of("parcels");
  static final TableId OWNERS = TableId.of("owners");
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private TestDatabase db;

  /** A fresh, empty database; skips the test when its server is not running. */
  protected abstract TestDatabase newDatabase();

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private JdbcAuditStore store() {
    if (db == null) {
      db = newDatabase();
    }
    return JdbcAuditStore.create(db.dataSource());
  }

  private static AuditEvent row(String job, int i, TableId table, RowKey key) {
    return AuditEvent.ofRow(job, i / 2, T0.plusSeconds(i), i % 2 == 0 ? AuditEventType.ROW_INSERTED
        : AuditEventType.ROW_UPDATED, table, key, null, null, Map.of("n", Integer.toString(i)));
  }

  @Test
  void createsItsTableAndTheChainGoesOnAfterReopening() {
    try (ChainedAuditSink sink = AuditSinks.chained(store())) {
      sink.record(AuditEvent.ofJob("job-1", T0, AuditEventType.JOB_STARTED, Map.of("initiator", "nightly")));
      sink.record(row("job-1", 1, PARCELS, RowKey.of(1L)));
    }
    assertThat(db.count("tfsync_audit_records")).isEqualTo(2);
    try (ChainedAuditSink sink = AuditSinks.chained(store())) {
      sink.record(AuditEvent.ofJob("job-1", T0, AuditEventType.JOB_SUCCEEDED, Map.of()));
    }
    JdbcAuditStore reopened = store();
    assertThat(reopened.records(0, 10)).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
    assertThat(reopened.last().orElseThrow().type()).isEqualTo(AuditEventType.JOB_SUCCEEDED);
    AuditVerification result = AuditVerifier.verify(reopened, 2);
    assertThat(result.valid()).as("%s", result).isTrue();
    assertThat(result.checked()).isEqualTo(3);
  }

  @Test
  void answersTheHistoryOfARowAndOfAJobInRecordedOrderAPageAtATime() {
    RowKey composite = RowKey.of(7L, "Ä-7");
    RowKey decimal = RowKey.of(new BigDecimal("1.50"));
    try (ChainedAuditSink sink = AuditSinks.chained(store())) {
      for (int i = 0; i < 12; i++) {
        String job = i < 6 ? "job-a" : "job-b";
        sink.record(i % 3 == 0 ? row(job, i, PARCELS, composite)
            : i % 3 == 1 ? row(job, i, OWNERS, composite) : row(job, i, PARCELS, decimal));
      }
    }
    JdbcAuditStore store = store();
    List<AuditRecord> first = store.rowHistory(PARCELS, composite, 0, 3);
    assertThat(first).extracting(AuditRecord::sequence).containsExactly(1L, 4L, 7L);
    List<AuditRecord> second = store.rowHistory(PARCELS, composite, first.get(2).sequence(), 3);
    assertThat(second).extracting(AuditRecord::sequence).containsExactly(10L);
    assertThat(first).allSatisfy(r -> {
      assertThat(r.table()).isEqualTo(PARCELS);
      assertThat(r.key()).isEqualTo(composite);
    });
    assertThat(first).extracting(AuditRecord::at).isSorted();
    assertThat(store.rowHistory(PARCELS, RowKey.of(new BigDecimal("1.5")), 0, 10))
        .extracting(AuditRecord::sequence).containsExactly(3L, 6L, 9L, 12L);
    assertThat(store.rowHistory(OWNERS, RowKey.of(8L, "Ä-7"), 0, 10)).isEmpty();
    List<AuditRecord> jobB = store.jobHistory("job-b", 0, 4);
    assertThat(jobB).extracting(AuditRecord::sequence).containsExactly(7L, 8L, 9L, 10L);
    assertThat(store.jobHistory("job-b", 10, 4)).extracting(AuditRecord::sequence).containsExactly(11L, 12L);
    assertThat(jobB.get(0).body()).contains("\"jobId\":\"job-b\"").contains("\"n\":\"6\"");
  }

  @Test
  void editingOrDeletingARowOfTheTableIsDetected() {
    try (ChainedAuditSink sink = AuditSinks.chained(store())) {
      for (int i = 0; i < 6; i++) {
        sink.record(row("job-1", i, PARCELS, RowKey.of((long) i)));
      }
    }
    JdbcAuditStore store = store();
    assertThat(AuditVerifier.verify(store, 4).valid()).isTrue();
    db.update("UPDATE tfsync_audit_records SET job_id = 'job-2' WHERE seq = 3");
    AuditVerification edited = AuditVerifier.verify(store, 4);
    assertThat(edited.firstBreak().kind()).isEqualTo(Kind.ALTERED);
    assertThat(edited.firstBreak().sequence()).isEqualTo(3);
    db.update("UPDATE tfsync_audit_records SET job_id = 'job-1' WHERE seq = 3");
    db.update("DELETE FROM tfsync_audit_records WHERE seq = 5");
    AuditVerification deleted = AuditVerifier.verify(store, 4);
    assertThat(deleted.firstBreak().kind()).isEqualTo(Kind.MISSING);
    assertThat(deleted.firstBreak().sequence()).isEqualTo(5);
  }

  @Test
  void aLargeFlushWithAwkwardTextComesBackExactly() {
    String awkward = "tab\there, new\nline, back\\slash, cr\r, quote ' \" and \\N, ünïcødé 🙂";
    try (ChainedAuditSink sink = AuditSinks.chained(store())) {
      for (int i = 0; i < 250; i++) {
        sink.record(AuditEvent.ofRow("job-1", i, T0, AuditEventType.ROW_INSERTED, PARCELS, RowKey.of((long) i, awkward),
            null, null, Map.of("reason", awkward + i)));
      }
    }
    JdbcAuditStore store = store();
    List<AuditRecord> records = store.rowHistory(PARCELS, RowKey.of(7L, awkward), 0, 10);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo(RowKey.of(7L, awkward));
    assertThat(records.get(0).body()).contains("tab\\there").contains("ünïcødé");
    AuditVerification result = AuditVerifier.verify(store, 100);
    assertThat(result.valid()).as("%s", result).isTrue();
    assertThat(result.checked()).isEqualTo(250);
  }
}
