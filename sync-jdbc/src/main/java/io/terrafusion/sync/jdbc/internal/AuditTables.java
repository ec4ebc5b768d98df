package io.terrafusion.sync.jdbc.internal;

import java.util.List;

/**
 * The schema of a JDBC audit store: one table of chained records, {@code <prefix>records}, with its
 * own {@code <prefix>schema_version}, created and upgraded by {@link StateSchema}. Stateless.
 */
public final class AuditTables {
  /** The table of records, without prefix. */
  public static final String RECORDS = "records";

  private AuditTables() {}

  /** The steps of the audit schema, in order: version 1 creates the records table and its indexes. */
  public static List<StateMigration> migrations() {
    return List.of(new StateMigration(1, "create the audit records table", AuditTables::version1));
  }

  private static List<String> version1(StateTables t) {
    String text = t.textType();
    return List.of(
        "CREATE TABLE " + t.sql(RECORDS) + " ("
            + t.column("chain_name") + " VARCHAR(100) NOT NULL, "
            + t.column("seq") + " BIGINT NOT NULL, "
            + t.column("previous_hash") + " VARCHAR(64) NOT NULL, "
            + t.column("hash") + " VARCHAR(64) NOT NULL, "
            + t.column("job_ref") + " VARCHAR(64) NOT NULL, "
            + t.column("job_id") + " " + text + " NOT NULL, "
            + t.column("batch_no") + " BIGINT NOT NULL, "
            + t.column("at_time") + " VARCHAR(40) NOT NULL, "
            + t.column("event_type") + " VARCHAR(40) NOT NULL, "
            + t.column("table_name") + " " + text + ", "
            + t.column("row_ref") + " VARCHAR(64), "
            + t.column("row_key") + " " + text + ", "
            + t.column("body") + " " + text + " NOT NULL, "
            + "PRIMARY KEY (" + t.column("chain_name") + ", " + t.column("seq") + "))" + t.tableOptions(),
        // Index names are per schema on PostgreSQL, so they carry the prefix too.
        "CREATE INDEX " + t.column(t.prefix() + "records_by_row") + " ON " + t.sql(RECORDS) + " ("
            + t.column("chain_name") + ", " + t.column("row_ref") + ", " + t.column("seq") + ")",
        "CREATE INDEX " + t.column(t.prefix() + "records_by_job") + " ON " + t.sql(RECORDS) + " ("
            + t.column("chain_name") + ", " + t.column("job_ref") + ", " + t.column("seq") + ")");
  }
}
