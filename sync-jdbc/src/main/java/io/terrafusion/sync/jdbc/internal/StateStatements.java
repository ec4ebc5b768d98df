package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import java.sql.JDBCType;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL a JDBC state store runs, written once per store from its tables; values are always {@code ?}
 * parameters, in the order each field documents. Immutable and thread-safe.
 */
public final class StateStatements {
  /** Parameters: id. Columns: position. */
  public final String selectCheckpoint;
  /** Parameters: id, table_name, detector, position, saved_at. */
  public final String upsertCheckpoint;
  /** Parameters: id. */
  public final String deleteCheckpoint;
  /** Parameters: id. */
  public final String deleteBaseHash;
  /** Parameters: id, table_name, row_key, row_hash. */
  public final String upsertBaseHash;
  /** Parameters: id. Columns: seq, submitted_seconds, submitted_nanos, body. */
  public final String selectJob;
  /** Parameters: none. Columns: the largest seq, or NULL. */
  public final String maxJobSeq;
  /** Parameters: id, seq, submitted_seconds, submitted_nanos, body. */
  public final String insertJob;
  /** Parameters: submitted_seconds, submitted_nanos, body, id. */
  public final String updateJob;
  /** Parameters: limit, offset. Columns: body. */
  public final String pageJobs;
  private final StateTables tables;

  /** The statements over the given tables. */
  public StateStatements(StateTables tables) {
    this.tables = tables;
    String checkpoints = tables.sql(StateTables.CHECKPOINTS);
    String id = tables.column("id");
    selectCheckpoint = "SELECT " + tables.column("position") + " FROM " + checkpoints + " WHERE " + id + " = ?";
    upsertCheckpoint = tables.dialect().upsert(tables.id(StateTables.CHECKPOINTS),
        columns("id", "table_name", "detector", "position", "saved_at"), columns("id"));
    deleteCheckpoint = "DELETE FROM " + checkpoints + " WHERE " + id + " = ?";
    deleteBaseHash = "DELETE FROM " + tables.sql(StateTables.BASE_HASHES) + " WHERE " + id + " = ?";
    upsertBaseHash = tables.dialect().upsert(tables.id(StateTables.BASE_HASHES),
        columns("id", "table_name", "row_key", "row_hash"), columns("id"));
    String jobs = tables.sql(StateTables.JOBS);
    selectJob = "SELECT " + tables.column("body") + " FROM " + jobs + " WHERE " + id + " = ?";
    maxJobSeq = "SELECT MAX(" + tables.column("seq") + ") FROM " + jobs;
    insertJob = "INSERT INTO " + jobs + " (" + id + ", " + tables.column("seq") + ", "
        + tables.column("submitted_seconds") + ", " + tables.column("submitted_nanos") + ", " + tables.column("body")
        + ") VALUES (?, ?, ?, ?, ?)";
    updateJob = "UPDATE " + jobs + " SET " + tables.column("submitted_seconds") + " = ?, "
        + tables.column("submitted_nanos") + " = ?, " + tables.column("body") + " = ? WHERE " + id + " = ?";
    pageJobs = "SELECT " + tables.column("body") + " FROM " + jobs + " ORDER BY " + tables.column("submitted_seconds")
        + " DESC, " + tables.column("submitted_nanos") + " DESC, " + tables.column("seq") + " DESC, " + id
        + " LIMIT ? OFFSET ?";
  }

  /** Parameters: as many ids as {@code count}. Columns: id, row_hash. */
  public String selectBaseHashes(int count) {
    StringBuilder sql = new StringBuilder("SELECT ").append(tables.column("id")).append(", ")
        .append(tables.column("row_hash")).append(" FROM ").append(tables.sql(StateTables.BASE_HASHES))
        .append(" WHERE ").append(tables.column("id")).append(" IN (");
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    return sql.append(')').toString();
  }

  /** The statements over one queue table ({@link StateTables#CONFLICTS} or {@link StateTables#DEAD_LETTERS}). */
  public Queue queue(String name) {
    String table = tables.sql(name);
    String id = tables.column("id");
    String seq = tables.column("seq");
    String body = tables.column("body");
    String tableRef = tables.column("table_ref");
    String page = "SELECT " + body + " FROM " + table;
    String order = " ORDER BY " + seq + ", " + id + " LIMIT ? OFFSET ?";
    return new Queue(
        "SELECT " + body + " FROM " + table + " WHERE " + id + " = ?",
        "SELECT MAX(" + seq + ") FROM " + table,
        "INSERT INTO " + table + " (" + id + ", " + seq + ", " + tableRef + ", " + body + ") VALUES (?, ?, ?, ?)",
        "UPDATE " + table + " SET " + tableRef + " = ?, " + body + " = ? WHERE " + id + " = ?",
        "DELETE FROM " + table + " WHERE " + id + " = ?",
        page + order,
        page + " WHERE " + tableRef + " = ?" + order);
  }

  /**
   * The statements over one queue table.
   *
   * @param select parameters: id; columns: body
   * @param maxSeq columns: the largest seq, or NULL
   * @param insert parameters: id, seq, table_ref, body
   * @param update parameters: table_ref, body, id
   * @param delete parameters: id
   * @param page parameters: limit, offset; columns: body
   * @param pageOfTable parameters: table_ref, limit, offset; columns: body
   */
  public record Queue(String select, String maxSeq, String insert, String update, String delete, String page,
      String pageOfTable) {}

  private static List<Column> columns(String... names) {
    return Arrays.stream(names).map(n -> Column.of(n, JDBCType.VARCHAR)).toList();
  }
}
