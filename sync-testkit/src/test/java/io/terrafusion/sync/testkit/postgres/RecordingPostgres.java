package io.terrafusion.sync.testkit.postgres;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.Dialects;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The built-in PostgreSQL dialect, recording the tables its bulk writer loads, to tell which path a batch took. */
final class RecordingPostgres implements Dialect {
  private final Dialect delegate = Dialects.postgresql();
  private final BulkWriter bulk = delegate.bulkWriter().orElseThrow();
  /** The tables loaded through the bulk path, in order. */
  final List<String> loads = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int priority(DatabaseMetaData metaData) throws SQLException {
    return delegate.priority(metaData);
  }

  @Override
  public JDBCType jdbcType(int dataType, String typeName) {
    return delegate.jdbcType(dataType, typeName);
  }

  @Override
  public DataTypeHandlers typeHandlers() {
    return delegate.typeHandlers();
  }

  @Override
  public String keyExpression(Column keyColumn, String expression) {
    return delegate.keyExpression(keyColumn, expression);
  }

  @Override
  public String upsert(TableId table, List<Column> columns, List<Column> key) {
    return delegate.upsert(table, columns, key);
  }

  @Override
  public Optional<BulkWriter> bulkWriter() {
    return Optional.of(new BulkWriter() {
      @Override
      public int threshold() {
        return bulk.threshold();
      }

      @Override
      public void load(Connection connection, TableId table, List<Column> columns, List<Row> rows)
          throws SQLException {
        loads.add(table.name());
        bulk.load(connection, table, columns, rows);
      }

      @Override
      public String createStaging(TableId staging, TableId table, List<Column> columns) {
        return bulk.createStaging(staging, table, columns);
      }

      @Override
      public String mergeFromStaging(TableId table, TableId staging, List<Column> columns, List<Column> key) {
        return bulk.mergeFromStaging(table, staging, columns, key);
      }

      @Override
      public String dropStaging(TableId staging) {
        return bulk.dropStaging(staging);
      }
    });
  }
}
