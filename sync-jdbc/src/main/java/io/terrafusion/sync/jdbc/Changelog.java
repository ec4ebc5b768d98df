package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.internal.ChangeCapture;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Installs, checks and removes the change capture that {@link ChangelogDetector} reads: triggers on
 * each table that record every insert, update and delete, with the row's key, in a change table
 * named {@value #CHANGE_TABLE} beside the table.
 *
 * <p>The change table holds a sequence number ({@code seq}, ascending, assigned by the database),
 * the table's name, the operation ({@code I}, {@code U} or {@code D}), the key as a JSON array and
 * the time of the change. An update that changes a row's key records a delete of the old key and an
 * update of the new one. Triggers are PL/pgSQL on PostgreSQL, AFTER triggers on MariaDB, SQL
 * triggers on SQLite and a Java trigger class shipped in this module on H2 (which must be able to
 * load it: on the class path it can; on the module path this module exports it to H2).
 *
 * <p>Key columns may be integers, decimals, strings (any Unicode), UUIDs, booleans, dates,
 * timestamps (with or without time zone; not MariaDB's {@code TIMESTAMP}) and binary; the triggers
 * record them independently of the session's time zone and date style.
 *
 * <p>The triggers are part of each writing transaction, so they cost every write a little; the
 * change table grows until {@link ChangelogDetector} has synced and pruned it. A change table with
 * no table recording into it is dropped by {@link #remove}.
 *
 * <p>This class is stateless and thread-safe; it runs DDL, which callers should not run
 * concurrently on the same tables.
 */
public final class Changelog {
  /** The name of the change table, created in the schema of the tables it records. */
  public static final String CHANGE_TABLE = ChangeCapture.CHANGE_TABLE;

  /** Whether a table's change capture is in place. */
  public enum Status {
    /** All of the table's triggers exist. */
    INSTALLED,
    /** None of them exists. */
    MISSING,
    /** Some exist and some do not, such as after a trigger was dropped by hand; install again. */
    PARTIAL
  }

  private Changelog() {}

  /**
   * Creates the change table when it does not exist and (re)creates the triggers of each table.
   * Installing again is harmless: triggers are replaced and recorded changes kept. On databases
   * with transactional DDL (PostgreSQL, H2, SQLite) each table's triggers appear all at once.
   *
   * @param store the store whose tables to capture
   * @param tables the tables, as named to the store; at least one
   * @throws IllegalArgumentException if no table is given, a table does not exist in the store or
   *     has no primary key, or a key column's type cannot be recorded; the message names it
   * @throws UnsupportedOperationException if the store's dialect has no change capture
   * @throws DataAccessException if the database refuses, naming the table
   */
  public static void install(JdbcStore store, TableId... tables) {
    ChangeCapture capture = new ChangeCapture(store.dialect());
    for (ChangeTriggers triggers : triggers(store, tables)) {
      run(store, "install the changelog on", triggers, handle -> capture.install(handle, triggers));
    }
  }

  /**
   * Reports, for each table, whether its triggers are installed, missing or partly there.
   *
   * @param store the store whose tables to check
   * @param tables the tables, as named to the store; at least one
   * @return the status of each table, in the order given
   * @throws IllegalArgumentException as {@link #install}
   * @throws UnsupportedOperationException if the store's dialect has no change capture
   * @throws DataAccessException if the database cannot be read
   */
  public static Map<TableId, Status> check(JdbcStore store, TableId... tables) {
    ChangeCapture capture = new ChangeCapture(store.dialect());
    Map<TableId, Status> statuses = new LinkedHashMap<>();
    List<ChangeTriggers> all = triggers(store, tables);
    for (int i = 0; i < all.size(); i++) {
      ChangeTriggers triggers = all.get(i);
      int installed = store.withHandle("check the changelog of", tables[i], handle -> capture.installed(handle, triggers));
      statuses.put(tables[i], installed == 0 ? Status.MISSING
          : installed == triggers.triggerNames().size() ? Status.INSTALLED : Status.PARTIAL);
    }
    return statuses;
  }

  /**
   * Drops the triggers of each table, then the change table of their schema when no table's
   * triggers are left there; changes recorded and not yet synced are lost with it. Removing what is
   * not installed is harmless.
   *
   * @param store the store whose tables to stop capturing
   * @param tables the tables, as named to the store; at least one
   * @throws IllegalArgumentException if no table is given, or a table does not exist in the store or
   *     has no primary key
   * @throws UnsupportedOperationException if the store's dialect has no change capture
   * @throws DataAccessException if the database refuses, naming the table
   */
  public static void remove(JdbcStore store, TableId... tables) {
    ChangeCapture capture = new ChangeCapture(store.dialect());
    for (ChangeTriggers triggers : triggers(store, tables)) {
      run(store, "remove the changelog from", triggers, handle -> capture.remove(handle, triggers));
    }
  }

  /** The triggers of a table of the store, with the table named as the store's SQL names it. */
  static ChangeTriggers triggers(JdbcStore store, TableSchema table) {
    return ChangeCapture.triggers(table, store.sqlName(table.id()));
  }

  private static List<ChangeTriggers> triggers(JdbcStore store, TableId... tables) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(tables, "tables");
    if (tables.length == 0) {
      throw new IllegalArgumentException("name at least one table");
    }
    List<ChangeTriggers> all = new ArrayList<>(tables.length);
    for (TableId table : tables) {
      Objects.requireNonNull(table, "table");
      TableSchema schema = store.table(table).orElseThrow(() -> new IllegalArgumentException("table " + table
          + " does not exist in " + store.name() + " or has no primary key, so its changes cannot be captured"));
      all.add(triggers(store, schema));
    }
    return all;
  }

  private interface HandleAction {
    void run(Handle handle);
  }

  private static void run(JdbcStore store, String action, ChangeTriggers triggers, HandleAction body) {
    TableId table = new TableId(triggers.table().schema(), triggers.recordedName());
    store.withHandle(action, table, handle -> handle.inTransaction(h -> {
      body.run(h);
      return null;
    }));
  }
}
