package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import io.terrafusion.sync.spi.DataTypeHandler;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one table schema (or projection) with the handler of each column resolved once:
 * keyset reads, fetches by key and batched writes. Instances are immutable and cached per schema.
 */
public final class TableAccess {
  /** Keys per fetch statement: far below every supported database's parameter limit. */
  static final int FETCH_CHUNK = 500;

  private final TableSchema schema;
  private final Dialect dialect;
  private final TableId sqlTable;
  private final List<Column> columns;
  private final List<Column> key;
  private final DataTypeHandler[] handlers;
  private final String[] pageSql = new String[4];
  private final String upsertSql;
  private final String deleteSql;

  /**
   * @param schema the schema or projection to read and write
   * @param sqlTable the table as SQL names it (qualified by the configured schema when there is one)
   * @throws ValueConversionException if no handler handles a column
   */
  public TableAccess(TableSchema schema, TableId sqlTable, Dialect dialect, DataTypeHandlers registry) {
    this.schema = schema;
    this.dialect = dialect;
    this.sqlTable = sqlTable;
    this.columns = schema.columns();
    this.key = schema.primaryKey().stream().map(name -> schema.column(name).orElseThrow()).toList();
    this.handlers = new DataTypeHandler[columns.size()];
    for (int i = 0; i < handlers.length; i++) {
      Column column = columns.get(i);
      handlers[i] = registry.find(column).orElseThrow(() -> new ValueConversionException(
          schema.id(), null, column.name(), column.typeName(), "a canonical value (no data type handler is registered)", null));
    }
    for (int bounds = 0; bounds < 4; bounds++) {
      pageSql[bounds] = dialect.selectPage(sqlTable, columns, key, (bounds & 1) != 0, (bounds & 2) != 0);
    }
    this.upsertSql = dialect.upsert(sqlTable, columns, key);
    this.deleteSql = dialect.delete(sqlTable, key);
  }

  /** Up to {@code limit} rows in the range, in key order. */
  public List<Row> read(Handle handle, KeyRange range, int limit) {
    Query query = handle.createQuery(pageSql[(range.after() != null ? 1 : 0) | (range.upTo() != null ? 2 : 0)]);
    int position = bindRange(query, 0, range);
    query.bind(position, limit);
    return query.setFetchSize(Math.min(limit, 1000)).map((rs, ctx) -> readRow(rs)).list();
  }

  /** The rows with the given keys, in key order. */
  public List<Row> fetch(Handle handle, List<RowKey> keys) {
    List<RowKey> sorted = new ArrayList<>(new TreeSet<>(keys));
    List<Row> rows = new ArrayList<>(sorted.size());
    for (int from = 0; from < sorted.size(); from += FETCH_CHUNK) {
      List<RowKey> chunk = sorted.subList(from, Math.min(sorted.size(), from + FETCH_CHUNK));
      Query query = handle.createQuery(dialect.selectByKeys(sqlTable, columns, key, chunk.size()));
      int position = 0;
      for (RowKey k : chunk) {
        checkKeySize(k);
        for (int i = 0; i < key.size(); i++) {
          position = bindKeyValue(query, position, k, i);
        }
      }
      rows.addAll(query.map((rs, ctx) -> readRow(rs)).list());
    }
    rows.sort((a, b) -> a.key().compareTo(b.key()));
    return rows;
  }

  /** Deletes, then upserts; the caller runs this in a transaction. */
  public void apply(Handle handle, WriteBatch batch) {
    if (!batch.deletes().isEmpty()) {
      PreparedBatch deletes = handle.prepareBatch(deleteSql);
      for (RowKey k : batch.deletes()) {
        checkKeySize(k);
        for (int i = 0; i < key.size(); i++) {
          bindKeyValue(deletes, i, k, i);
        }
        deletes.add();
      }
      execute(deletes, "delete from", batch.deletes());
    }
    if (batch.upserts().isEmpty()) {
      return;
    }
    RowLayout checked = schema.layout();
    for (Row row : batch.upserts()) {
      // Rows of a batch share one layout object, mostly not the schema's own: compare each object once.
      if (row.layout() != checked && !row.layout().equals(schema.layout())) {
        throw new IllegalArgumentException("row " + row.key() + " has layout " + row.layout()
            + " but table " + schema.id() + " has " + schema.layout());
      }
      checked = row.layout();
    }
    Optional<BulkWriter> bulk = dialect.bulkWriter().filter(b -> batch.upserts().size() >= b.threshold());
    if (bulk.isPresent()) {
      try {
        new BulkUpsert(bulk.get(), sqlTable, columns, key).run(handle, batch);
      } catch (RuntimeException e) {
        throw Failures.translate(e, dialect, schema.id(), "bulk upsert into", List.of());
      }
    } else {
      PreparedBatch upserts = handle.prepareBatch(upsertSql);
      List<RowKey> keys = new ArrayList<>(batch.upserts().size());
      for (Row row : batch.upserts()) {
        RowKey rowKey = row.key();
        keys.add(rowKey);
        for (int i = 0; i < columns.size(); i++) {
          bind(upserts, i, i, row.get(i), rowKey);
        }
        upserts.add();
      }
      execute(upserts, "upsert into", keys);
    }
  }

  /** The table this access reads and writes, as the caller named it. */
  public TableId table() {
    return schema.id();
  }

  private void execute(PreparedBatch batch, String action, List<RowKey> keys) {
    try {
      batch.execute();
    } catch (RuntimeException e) {
      throw Failures.translate(e, dialect, schema.id(), action, keys);
    }
  }

  private int bindKeyValue(SqlStatement<?> statement, int position, RowKey rowKey, int keyIndex) {
    int column = schema.layout().keyPosition(keyIndex);
    bind(statement, position, column, rowKey.get(keyIndex), rowKey);
    return position + 1;
  }

  private void bind(SqlStatement<?> statement, int position, int column, @Nullable Object value, @Nullable RowKey rowKey) {
    DataTypeHandler handler = handlers[column];
    Column meta = columns.get(column);
    Argument argument = (index, prepared, ctx) -> {
      try {
        handler.write(prepared, index, value, meta);
      } catch (IllegalArgumentException | SQLException e) {
        throw new ValueConversionException(schema.id(), rowKey, meta.name(),
            value == null ? "null" : value.getClass().getSimpleName(), meta.typeName(), e);
      }
    };
    statement.bind(position, argument);
  }

  /**
   * The current row of a result set that selects this schema's columns in order, each through the
   * dialect's select expression. Reads key columns first, so that a failure in another column can
   * name the row.
   */
  public Row readRow(ResultSet rs) throws SQLException {
    RowLayout layout = schema.layout();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < key.size(); i++) {
      int position = layout.keyPosition(i);
      values[position] = readValue(rs, position, null);
    }
    RowKey rowKey = keyOf(values);
    if (rowKey == null) {
      throw new DataAccessException("table " + schema.id() + " holds a row with a NULL primary-key column "
          + schema.primaryKey() + "; such rows cannot be synced", schema.id(), null, null, null);
    }
    for (int position = 0; position < values.length; position++) {
      if (values[position] == null) {
        values[position] = readValue(rs, position, rowKey);
      }
    }
    return Row.wrap(layout, values);
  }

  private @Nullable Object readValue(ResultSet rs, int position, @Nullable RowKey rowKey) throws SQLException {
    Column column = columns.get(position);
    try {
      return handlers[position].read(rs, position + 1, column);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ValueConversionException(schema.id(), rowKey, column.name(), column.typeName(), "a canonical value", e);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
        throw new ValueConversionException(schema.id(), rowKey, column.name(), column.typeName(), "a canonical value", e);
      }
      throw e;
    }
  }

  private @Nullable RowKey keyOf(Object[] values) {
    Object[] keyValues = new Object[key.size()];
    for (int i = 0; i < keyValues.length; i++) {
      keyValues[i] = values[schema.layout().keyPosition(i)];
      if (keyValues[i] == null) {
        return null;
      }
    }
    return RowKey.of(keyValues);
  }

  private void checkKeySize(RowKey rowKey) {
    if (rowKey.size() != key.size()) {
      throw new IllegalArgumentException("key " + rowKey + " has " + rowKey.size() + " values but the primary key of "
          + schema.id() + " has " + key.size() + " columns " + schema.primaryKey());
    }
  }

  /** Binds a value of the named column at a statement position, through the column's handler. */
  public void bindColumn(SqlStatement<?> statement, int position, String column, Object value) {
    bind(statement, position, schema.layout().position(column), value, null);
  }

  /** Reads the value at a result-set index as a value of the named column, through the column's handler. */
  public @Nullable Object readColumn(ResultSet rs, int index, String column) throws SQLException {
    int position = schema.layout().position(column);
    Column meta = columns.get(position);
    try {
      return handlers[position].read(rs, index, meta);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ValueConversionException(schema.id(), null, meta.name(), meta.typeName(), "a canonical value", e);
    }
  }

  /**
   * Binds the bounds of a key range from {@code position} on, as {@link Dialect#selectPage} wants
   * them.
   *
   * @return the position after the last bound parameter
   */
  public int bindRange(SqlStatement<?> statement, int position, KeyRange range) {
    int next = position;
    for (RowKey bound : new RowKey[] {range.after(), range.upTo()}) {
      if (bound != null) {
        checkKeySize(bound);
        for (int level = 0; level < key.size(); level++) {
          for (int i = 0; i <= level; i++) {
            next = bindKeyValue(statement, next, bound, i);
          }
        }
      }
    }
    return next;
  }

  /**
   * Reads a key from the key columns of a result set, which start at column {@code first} (from 1)
   * in key order.
   *
   * @throws DataAccessException if a key column is NULL
   */
  public RowKey readKey(ResultSet rs, int first) throws SQLException {
    Object[] values = new Object[key.size()];
    for (int i = 0; i < values.length; i++) {
      int position = schema.layout().keyPosition(i);
      Column column = columns.get(position);
      try {
        values[i] = handlers[position].read(rs, first + i, column);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new ValueConversionException(schema.id(), null, column.name(), column.typeName(), "a canonical value", e);
      }
      if (values[i] == null) {
        throw new DataAccessException("table " + schema.id() + " holds a row with a NULL primary-key column "
            + schema.primaryKey() + "; such rows cannot be synced", schema.id(), null, null, null);
      }
    }
    return RowKey.of(values);
  }

  /** The primary-key columns, in key order. */
  public List<Column> key() {
    return key;
  }

  /** The table as SQL names it. */
  public TableId sqlTable() {
    return sqlTable;
  }
}
