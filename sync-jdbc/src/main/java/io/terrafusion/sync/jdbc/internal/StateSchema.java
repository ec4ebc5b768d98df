package io.terrafusion.sync.jdbc.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades a JDBC state store's tables: a {@code schema_version} table records each
 * migration step that ran, and the steps above the recorded version run in order, each in its own
 * transaction with its record (on databases with transactional DDL). Thread-safe; concurrent
 * upgrades of one schema are not coordinated, so the first use of a new schema should be by one
 * process.
 */
public final class StateSchema {
  private static final Logger LOG = LoggerFactory.getLogger(StateSchema.class);

  private final StateTables tables;
  private final List<StateMigration> migrations;

  /**
   * A schema upgraded by the given steps.
   *
   * @throws IllegalArgumentException unless the steps reach versions 1, 2, 3... in order
   */
  public StateSchema(StateTables tables, List<StateMigration> migrations) {
    this.tables = Objects.requireNonNull(tables, "tables");
    this.migrations = List.copyOf(migrations);
    for (int i = 0; i < this.migrations.size(); i++) {
      if (this.migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migration " + i + " must reach version " + (i + 1) + " but reaches "
            + this.migrations.get(i).version());
      }
    }
  }

  /** The version the steps reach. */
  public int latest() {
    return migrations.size();
  }

  /**
   * The version recorded in the database, or 0 when there is no version table yet.
   */
  public int installed(Handle handle) {
    if (!versionTableExists(handle)) {
      return 0;
    }
    Optional<Integer> version = handle.createQuery("SELECT MAX(" + tables.column("version") + ") FROM "
        + tables.sql(StateTables.SCHEMA_VERSION)).mapTo(Integer.class).findOne();
    return version.orElse(0);
  }

  /**
   * Brings the tables to the latest version: creates them on a database that has none, runs the
   * missing steps on an older one, does nothing on a current one.
   *
   * @throws IllegalStateException if the database records a version newer than this library knows
   */
  public void migrate(Handle handle) {
    if (!versionTableExists(handle)) {
      handle.execute("CREATE TABLE " + tables.sql(StateTables.SCHEMA_VERSION) + " (" + tables.column("version")
          + " INTEGER NOT NULL, " + tables.column("applied_at") + " VARCHAR(40) NOT NULL, PRIMARY KEY ("
          + tables.column("version") + "))" + tables.tableOptions());
    }
    int installed = installed(handle);
    if (installed > latest()) {
      throw new IllegalStateException("the state store's schema in " + tables.id(StateTables.SCHEMA_VERSION)
          + " is at version " + installed + ", newer than version " + latest()
          + " that this library knows; use a library at least as new as the one that upgraded it");
    }
    for (StateMigration step : migrations.subList(installed, latest())) {
      handle.useTransaction(h -> {
        step.statements().apply(tables).forEach(h::execute);
        h.createUpdate("INSERT INTO " + tables.sql(StateTables.SCHEMA_VERSION) + " (" + tables.column("version")
                + ", " + tables.column("applied_at") + ") VALUES (?, ?)")
            .bind(0, step.version())
            .bind(1, Instant.now().toString())
            .execute();
      });
      LOG.info("state store {}: schema version {} ({})", tables.id(StateTables.SCHEMA_VERSION), step.version(),
          step.description());
    }
  }

  private boolean versionTableExists(Handle handle) {
    // Probing with a query works the same on every database, unlike metadata lookups, whose case
    // rules and catalog/schema split differ.
    try {
      handle.useTransaction(h -> h.createQuery("SELECT COUNT(*) FROM " + tables.sql(StateTables.SCHEMA_VERSION))
          .mapTo(Long.class).one());
      return true;
    } catch (RuntimeException missing) {
      return false;
    }
  }
}
