package io.terrafusion.sync.jdbc.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One step of a JDBC state store's schema: the statements that take the schema from {@code version -
 * 1} to {@code version}. Immutable and thread-safe.
 *
 * @param version the version this step reaches, from 1
 * @param description what the step does, for logs
 * @param statements the DDL of the step for the store's tables
 */
public record StateMigration(int version, String description, Function<StateTables, List<String>> statements) {

  /** Validates the parts. */
  public StateMigration {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(statements, "statements");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1 but was " + version);
    }
  }

  /** The steps this library knows, in order: version 1 creates the tables. */
  public static List<StateMigration> builtIns() {
    return List.of(new StateMigration(1, "create the state tables", StateMigration::version1));
  }

  private static List<String> version1(StateTables t) {
    String text = t.textType();
    String options = t.tableOptions();
    return List.of(
        "CREATE TABLE " + t.sql(StateTables.CHECKPOINTS) + " (" + t.column("id") + " VARCHAR(64) NOT NULL, "
            + t.column("table_name") + " " + text + " NOT NULL, " + t.column("detector") + " " + text + " NOT NULL, "
            + t.column("position") + " " + text + " NOT NULL, " + t.column("saved_at") + " VARCHAR(40) NOT NULL, "
            + "PRIMARY KEY (" + t.column("id") + "))" + options,
        "CREATE TABLE " + t.sql(StateTables.BASE_HASHES) + " (" + t.column("id") + " VARCHAR(64) NOT NULL, "
            + t.column("table_name") + " " + text + " NOT NULL, " + t.column("row_key") + " " + text + " NOT NULL, "
            + t.column("row_hash") + " VARCHAR(32) NOT NULL, PRIMARY KEY (" + t.column("id") + "))" + options,
        queue(t, StateTables.CONFLICTS),
        index(t, StateTables.CONFLICTS),
        queue(t, StateTables.DEAD_LETTERS),
        index(t, StateTables.DEAD_LETTERS),
        "CREATE TABLE " + t.sql(StateTables.JOBS) + " (" + t.column("id") + " VARCHAR(64) NOT NULL, "
            + t.column("seq") + " BIGINT NOT NULL, " + t.column("submitted_seconds") + " BIGINT NOT NULL, "
            + t.column("submitted_nanos") + " BIGINT NOT NULL, " + t.column("body") + " " + text + " NOT NULL, "
            + "PRIMARY KEY (" + t.column("id") + "))" + t.tableOptions());
  }

  private static String queue(StateTables t, String name) {
    return "CREATE TABLE " + t.sql(name) + " (" + t.column("id") + " VARCHAR(64) NOT NULL, " + t.column("seq")
        + " BIGINT NOT NULL, " + t.column("table_ref") + " VARCHAR(64) NOT NULL, " + t.column("body") + " "
        + t.textType() + " NOT NULL, PRIMARY KEY (" + t.column("id") + "))" + t.tableOptions();
  }

  private static String index(StateTables t, String name) {
    // Index names are per schema on PostgreSQL, so they carry the prefix too.
    return "CREATE INDEX " + t.column(t.prefix() + name + "_by_table") + " ON " + t.sql(name) + " ("
        + t.column("table_ref") + ", " + t.column("seq") + ")";
  }
}
