package io.terrafusion.sync.bench;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The cost of a complete audit trail: the initial PostgreSQL → PostgreSQL full sync with every row
 * recorded in the hash-chained JDBC audit table of the target database, in each batch's own
 * transaction (the audit store shares the target's data source), timed against the same sync without
 * audit ({@code pg-pg-full-empty-target}) of the same run. Goal: at most 1.3× its time.
 */
final class AuditBench {
  private AuditBench() {}

  static void postgres(long rows, int batchSize, Bench.Result plain, Bench.Opener opener) throws SQLException {
    DataSource source = opener.open("bench_pg_audit_source");
    DataSource target = opener.open("bench_pg_audit_target");
    BenchTable.POSTGRESQL.createFilled(source, rows);
    BenchTable.POSTGRESQL.create(target);
    ReusingDataSource pooledSource = new ReusingDataSource(source);
    ReusingDataSource pooledTarget = new ReusingDataSource(target);
    try (ChainedAuditSink audit = AuditSinks.chained(JdbcAuditStore.create(pooledTarget));
        SyncEngine engine = SyncEngine.builder()
            .source(JdbcStore.of(pooledSource))
            .target(JdbcStore.of(pooledTarget))
            .batchSize(batchSize)
            .auditSink(audit)
            .build()) {
      Bench.Result audited = Bench.measure("pg-to-pg-audit-jdbc", rows, () -> {
        SyncReport report = engine.run(SyncRequest.full());
        if (report.changed() != rows) {
          throw new IllegalStateException("expected " + rows + " inserted rows but the sync reported " + report.changed());
        }
      });
      long recorded = rowRecords(target);
      if (recorded != rows) {
        throw new IllegalStateException("expected " + rows + " row records in the audit table but found " + recorded);
      }
      Bench.printTime(audited, plain, -1);
    } finally {
      pooledSource.closeAll();
      pooledTarget.closeAll();
    }
  }

  private static long rowRecords(DataSource target) throws SQLException {
    try (Connection c = target.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM tfsync_audit_records WHERE event_type = 'ROW_INSERTED'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
