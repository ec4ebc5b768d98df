package io.terrafusion.sync.examples;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.JsonLinesAuditSink;
import io.terrafusion.sync.core.transform.Transformers;
import io.terrafusion.sync.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The embedding example shown in the README: sync every table of one database into another, renaming
 * a column on the way, with an audit trail in a JSON Lines file. Kept here so that it compiles and
 * runs in the build and cannot rot.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Syncs {@code source} into {@code target} and returns the report. */
  // README-SNIPPET-START
  public static SyncReport syncCounty(DataSource source, DataSource target, Path auditFile) {
    try (JsonLinesAuditSink audit = AuditSinks.jsonLines(auditFile);
        SyncEngine engine = SyncEngine.builder()
            .source(JdbcStore.of(source))
            .target(JdbcStore.of(target))
            .transformer(Transformers.renameColumns(TableId.of("owners"), Map.of("email", "contact_email")))
            .auditSink(audit)
            .batchSize(500)
            .build()) {
      SyncReport report = engine.run(SyncRequest.full().initiatedBy("nightly-job"));
      report.tables().forEach(t -> System.out.printf("%s: %d inserted, %d updated, %d deleted%n",
          t.table(), t.inserted(), t.updated(), t.deleted()));
      return report;
    }
  }
  // README-SNIPPET-END
}
