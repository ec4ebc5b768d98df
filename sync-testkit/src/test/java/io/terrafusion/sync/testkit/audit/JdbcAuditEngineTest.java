package io.terrafusion.sync.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sync recorded in the target database's audit table answers why a row has its value, and who put it there. */
class JdbcAuditEngineTest {
  private static final TableId OWNERS = TableId.of("owners");
  private static final String SECRET = "555-12-3456";

  private final EmbeddedDatabase source = EmbeddedDatabase.h2();
  private final EmbeddedDatabase target = EmbeddedDatabase.h2();

  @AfterEach
  void dropDatabases() {
    source.close();
    target.close();
  }

  private String run(SyncRequest request) {
    try (ChainedAuditSink audit = AuditSinks.chained(JdbcAuditStore.create(target.dataSource()));
        SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(2)
            .sensitiveColumns(OWNERS, "ssn").auditSink(audit).build()) {
      return engine.run(request).jobId();
    }
  }

  @Test
  void theHistoryOfARowShowsEachJobThatChangedItWithSensitiveValuesMasked() {
    String ddl = "CREATE TABLE owners (id BIGINT PRIMARY KEY, name VARCHAR(40), ssn VARCHAR(20))";
    source.execute(ddl, "INSERT INTO owners VALUES (1, 'Ann', '" + SECRET + "'), (2, 'Bo', '000-00-0002'),"
        + " (3, 'Cy', '000-00-0003')");
    target.execute(ddl);
    String first = run(SyncRequest.full().initiatedBy("nightly"));
    source.update("UPDATE owners SET name = 'Ann Lee' WHERE id = 1");
    String second = run(SyncRequest.full().initiatedBy("assessor-17"));

    JdbcAuditStore store = JdbcAuditStore.create(target.dataSource());
    List<AuditRecord> history = store.rowHistory(OWNERS, RowKey.of(1L), 0, 10);
    assertThat(history).extracting(AuditRecord::type)
        .containsExactly(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED);
    assertThat(history).extracting(AuditRecord::jobId).containsExactly(first, second);
    assertThat(history.get(1).body()).contains("\"name\":\"Ann\"").contains("\"name\":\"Ann Lee\"")
        .contains("\"ssn\":\"sha256:");
    List<AuditRecord> job = store.jobHistory(second, 0, 100);
    assertThat(job.get(0).type()).isEqualTo(AuditEventType.JOB_STARTED);
    assertThat(job.get(0).body()).contains("\"initiator\":\"assessor-17\"");
    assertThat(job.get(job.size() - 1).type()).isEqualTo(AuditEventType.JOB_SUCCEEDED);
    assertThat(AuditVerifier.verify(store, 5).valid()).isTrue();
    assertThat(target.queryLong("SELECT COUNT(*) FROM tfsync_audit_records WHERE body LIKE ?", "%" + SECRET + "%"))
        .isZero();
    assertThat(target.queryLong("SELECT COUNT(*) FROM owners WHERE ssn = ?", SECRET)).isEqualTo(1);
  }
}
