package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.SyncEngineBuilder;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.core.audit.InMemoryAuditSink;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.spi.AuditSink;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch's checkpoint rides with its last transaction only when every required audit sink records
 * in that transaction too; a required sink outside it must flush first, so the checkpoint is then saved
 * after the flush. H2 holds the target, its state and its audit table.
 */
class AuditCheckpointRuleTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final int ROWS = 10;
  private static final int BATCHES = 4;

  private final EmbeddedDatabase source = EmbeddedDatabase.h2();
  private final EmbeddedDatabase target = EmbeddedDatabase.h2();
  private CountingStateStore state;
  private JdbcAuditStore audit;

  @BeforeEach
  void createTables() {
    String ddl = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL)";
    source.execute(ddl);
    target.execute(ddl);
    for (long id = 1; id <= ROWS; id++) {
      source.update("INSERT INTO items VALUES (?, ?)", id, "item " + id);
    }
    state = new CountingStateStore(JdbcStateStore.create(target.dataSource()));
    audit = JdbcAuditStore.create(target.dataSource());
  }

  @AfterEach
  void dropDatabases() {
    source.close();
    target.close();
  }

  @Test
  void theCheckpointRidesWhenTheOnlyRequiredSinkRecordsInTheTransaction() {
    run();

    assertThat(state.carried.get()).isEqualTo(BATCHES);
    assertThat(state.savedAlone.get()).isZero();
    assertThat(rowRecords()).isEqualTo(ROWS);
  }

  @Test
  void aRequiredSinkOutsideTheTransactionHasTheCheckpointSavedAfterItsFlush() {
    InMemoryAuditSink outside = AuditSinks.inMemory();

    run(outside);

    assertThat(state.carried.get()).isZero();
    assertThat(state.savedAlone.get()).isEqualTo(BATCHES);
    assertThat(rowRecords()).isEqualTo(ROWS);
    assertThat(outside.events().stream().map(AuditEvent::type).filter(t -> t == AuditEventType.ROW_INSERTED))
        .hasSize(ROWS);
  }

  @Test
  void anOptionalSinkOutsideTheTransactionLetsTheCheckpointRide() {
    InMemoryAuditSink outside = AuditSinks.inMemory();

    run(AuditSinks.optional(outside));

    assertThat(state.carried.get()).isEqualTo(BATCHES);
    assertThat(state.savedAlone.get()).isZero();
    assertThat(outside.events().stream().map(AuditEvent::type).filter(t -> t == AuditEventType.ROW_INSERTED))
        .hasSize(ROWS);
  }

  private void run(AuditSink... others) {
    try (ChainedAuditSink chained = AuditSinks.chained(audit)) {
      SyncEngineBuilder builder = SyncEngine.builder().source(source.store()).target(target.store())
          .stateStore(state).batchSize(3).auditSink(chained);
      for (AuditSink sink : others) {
        builder.auditSink(sink);
      }
      SyncReport report;
      try (SyncEngine engine = builder.build()) {
        report = engine.run(SyncRequest.full(ITEMS));
      }
      assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    }
    assertThat(target.count("items")).isEqualTo(ROWS);
    assertThat(AuditVerifier.verify(audit, 7).valid()).isTrue();
  }

  private long rowRecords() {
    return audit.records(0, 1000).stream().map(AuditRecord::type).filter(t -> t == AuditEventType.ROW_INSERTED)
        .count();
  }
}
