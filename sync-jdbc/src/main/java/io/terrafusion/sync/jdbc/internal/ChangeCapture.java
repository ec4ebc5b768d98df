package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The statements of change capture on one database: installing, checking and removing a table's
 * triggers, and reading and pruning the change table. Stateless apart from the dialect; thread-safe.
 */
public final class ChangeCapture {
  /** The name of the change table, created in the schema of the tables it records. */
  public static final String CHANGE_TABLE = "tfsync_changes";
  /** Change rows deleted per statement: far below every supported database's parameter limit. */
  static final int DELETE_CHUNK = 500;

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
  private static final Pattern OUR_TRIGGER = Pattern.compile("tfsync_.+_(ins|upd|del)");

  private final Dialect dialect;

  /** Change capture in the dialect's SQL. */
  public ChangeCapture(Dialect dialect) {
    this.dialect = dialect;
  }

  /** One change row: its sequence number and its key as recorded. */
  public record Entry(long seq, String key) {}

  /**
   * What the triggers of a table are made of.
   *
   * @param table the table's schema
   * @param sqlTable the table as SQL names it
   */
  public static ChangeTriggers triggers(TableSchema table, TableId sqlTable) {
    List<Column> key = table.primaryKey().stream().map(name -> table.column(name).orElseThrow()).toList();
    return new ChangeTriggers(sqlTable, table.id().name(), key, changeTable(sqlTable), baseName(table.id().name()));
  }

  /** The change table beside a table. */
  public static TableId changeTable(TableId sqlTable) {
    return new TableId(sqlTable.schema(), CHANGE_TABLE);
  }

  /**
   * Creates the change table when missing and (re)creates the table's triggers; the caller runs it
   * in a transaction where the database has transactional DDL.
   */
  public void install(Handle handle, ChangeTriggers triggers) {
    // Built first: a key type the dialect cannot record fails before anything is created.
    List<String> statements = dialect.createChangeTriggers(triggers);
    dialect.createChangeTable(triggers.changeTable()).forEach(handle::execute);
    statements.forEach(handle::execute);
  }

  /** Drops the table's triggers, and the change table when no table's triggers are left in its schema. */
  public void remove(Handle handle, ChangeTriggers triggers) {
    dialect.dropChangeTriggers(triggers).forEach(handle::execute);
    boolean inUse = triggerNames(handle, triggers.table().schema(), null).stream()
        .anyMatch(name -> OUR_TRIGGER.matcher(name).matches());
    if (!inUse) {
      handle.execute("DROP TABLE IF EXISTS " + dialect.qualify(triggers.changeTable()));
    }
  }

  /** How many of the table's three triggers exist. */
  public int installed(Handle handle, ChangeTriggers triggers) {
    Set<String> present = new HashSet<>(triggerNames(handle, triggers.table().schema(), triggers.table().name()));
    return (int) triggers.triggerNames().stream().filter(present::contains).count();
  }

  /** The highest sequence number recorded for the table, or {@link Long#MIN_VALUE} when none is. */
  public long lastSeq(Handle handle, ChangeTriggers triggers) {
    Long max = handle.createQuery("SELECT MAX(" + dialect.quote(ChangeTriggers.SEQ) + ") FROM "
            + dialect.qualify(triggers.changeTable()) + " WHERE " + dialect.quote(ChangeTriggers.TABLE_NAME) + " = ?")
        .bind(0, triggers.recordedName())
        .mapTo(Long.class)
        .one();
    return max == null ? Long.MIN_VALUE : max;
  }

  /** Up to {@code limit} change rows of the table with {@code after < seq <= upTo}, in sequence order. */
  public List<Entry> read(Handle handle, ChangeTriggers triggers, long after, long upTo, int limit) {
    String seq = dialect.quote(ChangeTriggers.SEQ);
    return handle.createQuery("SELECT " + seq + ", " + dialect.quote(ChangeTriggers.KEY_VALUES) + " FROM "
            + dialect.qualify(triggers.changeTable()) + " WHERE " + dialect.quote(ChangeTriggers.TABLE_NAME) + " = ? AND "
            + seq + " > ? AND " + seq + " <= ? ORDER BY " + seq + " LIMIT ?")
        .bind(0, triggers.recordedName())
        .bind(1, after)
        .bind(2, upTo)
        .bind(3, limit)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /** Deletes the change rows of the given sequence numbers, and no others. */
  public void delete(Handle handle, TableId changeTable, List<Long> seqs) {
    for (int from = 0; from < seqs.size(); from += DELETE_CHUNK) {
      List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + DELETE_CHUNK));
      StringJoiner in = new StringJoiner(", ", " IN (", ")");
      chunk.forEach(s -> in.add("?"));
      var delete = handle.createUpdate("DELETE FROM " + dialect.qualify(changeTable) + " WHERE "
          + dialect.quote(ChangeTriggers.SEQ) + in);
      for (int i = 0; i < chunk.size(); i++) {
        delete.bind(i, chunk.get(i).longValue());
      }
      delete.execute();
    }
  }

  private List<String> triggerNames(Handle handle, @Nullable String schema, @Nullable String table) {
    Query query = handle.createQuery(dialect.selectTriggers());
    if (schema == null) {
      query.bindNull(0, Types.VARCHAR);
    } else {
      query.bind(0, schema);
    }
    return query.map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).list().stream()
        .filter(row -> table == null || table.equals(row.get(0)))
        .map(row -> row.get(1))
        .toList();
  }

  /**
   * The prefix of a table's trigger names: {@code tfsync_} and the table's name when that is short
   * and plain, else a digest of it, since trigger names are limited (63 bytes in PostgreSQL) and
   * share one namespace per schema in most databases.
   */
  static String baseName(String tableName) {
    if (PLAIN_NAME.matcher(tableName).matches()) {
      return "tfsync_" + tableName;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(tableName.getBytes(StandardCharsets.UTF_8));
      return "tfsync_" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
