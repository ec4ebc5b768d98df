package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The statements of the watermark detector over one table: pages in {@code (change column, key)}
 * order after a cursor and below a bound, and the column's maximum. The change column compares
 * through the dialect's select expression (so MariaDB's {@code TIMESTAMP} compares as epoch seconds,
 * whatever the session's time zone), key columns through its key expression (strings byte-wise).
 * Immutable.
 */
public final class WatermarkQuery {

  /** How the values of a change column are bounded. */
  public enum Kind {
    /** A moment ({@code TIMESTAMP WITH TIME ZONE}, MariaDB {@code TIMESTAMP}), bounded below a moment. */
    MOMENT,
    /** A wall time ({@code TIMESTAMP} without time zone), bounded below a wall time of the session. */
    WALL_TIME,
    /** An integer version, bounded at and below a version known safe. */
    VERSION
  }

  private final TableSchema table;
  private final Column change;
  private final Kind kind;
  private final TableAccess access;
  private final String firstPageSql;
  private final String nextPageSql;
  private final String maxSql;

  private WatermarkQuery(TableSchema table, Column change, Kind kind, TableAccess access, String firstPageSql,
      String nextPageSql, String maxSql) {
    this.table = table;
    this.change = change;
    this.kind = kind;
    this.access = access;
    this.firstPageSql = firstPageSql;
    this.nextPageSql = nextPageSql;
    this.maxSql = maxSql;
  }

  /**
   * The statements of a table with the named change column.
   *
   * @param sqlTable the table as SQL names it
   * @throws IllegalArgumentException if the table lacks the column, or its type is neither a
   *     timestamp nor an integer; the message names the table and the column
   */
  public static WatermarkQuery of(TableSchema table, TableId sqlTable, String changeColumn, Dialect dialect,
      TableAccess access) {
    Column change = table.column(changeColumn).orElseThrow(() -> new IllegalArgumentException("table " + table.id()
        + " has no change column " + changeColumn + "; its columns are " + table.layout().columns()));
    Kind kind = kind(table.id(), change);
    List<Column> key = table.primaryKey().stream().map(name -> table.column(name).orElseThrow()).toList();
    String changeExpression = dialect.selectExpression(change);
    StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + dialect.qualify(sqlTable));
    table.columns().forEach(column -> select.add(dialect.selectExpression(column)));
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", " LIMIT ?").add(changeExpression);
    key.forEach(column -> order.add(dialect.keyExpression(column, dialect.quote(column.name()))));
    String bound = changeExpression + (kind == Kind.VERSION ? " <= ?" : " < ?");
    String after = "(" + changeExpression + " > ? OR (" + changeExpression + " = ? AND " + keyAfter(dialect, key) + "))";
    return new WatermarkQuery(table, change, kind, access,
        select + " WHERE " + bound + order,
        select + " WHERE " + after + " AND " + bound + order,
        "SELECT MAX(" + changeExpression + ") FROM " + dialect.qualify(sqlTable));
  }

  /** How the change column is bounded. */
  public Kind kind() {
    return kind;
  }

  /** The change column's value in a row of this table. */
  public @Nullable Object changeValue(Row row) {
    return row.get(change.name());
  }

  /**
   * Up to {@code limit} rows after the cursor (all from the start when it is null) and below the
   * bound, in {@code (change column, key)} order.
   *
   * @param bound a moment, wall time or version as the {@linkplain #kind() kind} wants
   */
  public List<Row> page(Handle handle, @Nullable Object cursorValue, @Nullable RowKey cursorKey, Object bound,
      int limit) {
    Query query = handle.createQuery(cursorKey == null ? firstPageSql : nextPageSql);
    int position = 0;
    if (cursorValue != null && cursorKey != null) {
      access.bindColumn(query, position++, change.name(), cursorValue);
      access.bindColumn(query, position++, change.name(), cursorValue);
      for (int level = 0; level < cursorKey.size(); level++) {
        for (int i = 0; i <= level; i++) {
          access.bindColumn(query, position++, table.primaryKey().get(i), cursorKey.get(i));
        }
      }
    }
    access.bindColumn(query, position++, change.name(), bound);
    query.bind(position, limit);
    return query.setFetchSize(Math.min(limit, 1000)).map((rs, ctx) -> access.readRow(rs)).list();
  }

  /** The change column's largest value, or null when the table has none. */
  public @Nullable Object max(Handle handle) {
    return handle.createQuery(maxSql).map((rs, ctx) -> access.readColumn(rs, 1, change.name())).findOne().orElse(null);
  }

  private static Kind kind(TableId table, Column change) {
    return switch (change.jdbcType()) {
      case TIMESTAMP_WITH_TIMEZONE -> Kind.MOMENT;
      case TIMESTAMP -> Kind.WALL_TIME;
      case TINYINT, SMALLINT, INTEGER, BIGINT -> Kind.VERSION;
      case NUMERIC, DECIMAL -> {
        if (change.scale() != 0) {
          throw unsupported(table, change);
        }
        yield Kind.VERSION;
      }
      default -> throw unsupported(table, change);
    };
  }

  private static IllegalArgumentException unsupported(TableId table, Column change) {
    return new IllegalArgumentException("change column " + change.name() + " of table " + table + " has type "
        + change.typeName() + "; a watermark needs a timestamp or an integer version column");
  }

  private static String keyAfter(Dialect dialect, List<Column> key) {
    StringJoiner levels = new StringJoiner(" OR ", "(", ")");
    for (int level = 0; level < key.size(); level++) {
      StringJoiner terms = new StringJoiner(" AND ", "(", ")");
      for (int i = 0; i <= level; i++) {
        Column column = key.get(i);
        String op = i == level ? " > " : " = ";
        terms.add(dialect.keyExpression(column, dialect.quote(column.name())) + op + dialect.keyExpression(column, "?"));
      }
      levels.add(terms.toString());
    }
    return levels.toString();
  }
}
