package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * The process {@link CrashResumeTest} kills: a full sync of one table from one database to another,
 * with the state store and the audit table in the target database (one {@link DataSource} object for
 * all, so checkpoints and row records commit with the batches). It prints {@code checkpoint <position>} (or {@code checkpoint -}) for the
 * checkpoint it starts from, one {@link AppliedBatches.Applied#line()} per committed transaction, and
 * {@code done <state> <inserted>} at the end.
 *
 * <p>Arguments: source JDBC URL, target JDBC URL, table name, batch size.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    TableId table = TableId.of(args[2]);
    DataSource target = new DriverManagerDataSource(args[1]);
    JdbcStateStore state = JdbcStateStore.create(target);
    out.println("checkpoint " + state.checkpoint(table, FullScanDetector.NAME).map(Checkpoint::position).orElse("-"));
    out.flush();
    try (ChainedAuditSink audit = AuditSinks.chained(JdbcAuditStore.create(target));
        SyncEngine engine = SyncEngine.builder()
        .source(JdbcStore.of(new DriverManagerDataSource(args[0])))
        .target(JdbcStore.of(target))
        .stateStore(state)
        .batchSize(Integer.parseInt(args[3]))
        .auditSink(audit)
        // Optional, so that the checkpoint rides with each batch: a required sink outside the target's
        // transaction would make the engine save it after the batch instead, once that sink flushed.
        .auditSink(AuditSinks.optional(new AppliedBatches(applied -> {
          out.println(applied.line());
          out.flush();
        })))
        .build()) {
      SyncReport report = engine.run(SyncRequest.full(table));
      out.println("done " + report.state() + " " + report.inserted());
      out.flush();
    }
  }
}
