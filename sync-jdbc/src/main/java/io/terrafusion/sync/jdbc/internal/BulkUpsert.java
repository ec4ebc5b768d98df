package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch's upserts through a {@link BulkWriter}, in the caller's transaction: straight into the
 * table when the engine says every row is new, else through a staging table and one set-based merge.
 */
final class BulkUpsert {
  private static final TableId STAGING = TableId.of("tfsync_staging");

  private final BulkWriter writer;
  private final TableId table;
  private final List<Column> columns;
  private final List<Column> key;

  BulkUpsert(BulkWriter writer, TableId table, List<Column> columns, List<Column> key) {
    this.writer = writer;
    this.table = table;
    this.columns = columns;
    this.key = key;
  }

  void run(Handle handle, WriteBatch batch) {
    Connection connection = handle.getConnection();
    try {
      if (!batch.newRows() || !loadedDirectly(connection, batch)) {
        loadThroughStaging(connection, batch);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("bulk write failed", e);
    } catch (ValueConversionException e) {
      throw e.table() != null && e.table().equals(STAGING) ? e.at(table) : e;
    }
  }

  /**
   * Loads the rows straight into the table; false, with nothing of the attempt left, when a key
   * turned out to exist (another writer got there between the engine's comparison and now).
   */
  private boolean loadedDirectly(Connection connection, WriteBatch batch) throws SQLException {
    Savepoint before = connection.setSavepoint();
    try {
      writer.load(connection, table, columns, batch.upserts());
      connection.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      connection.rollback(before);
      return false;
    }
  }

  private void loadThroughStaging(Connection connection, WriteBatch batch) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(writer.createStaging(STAGING, table, columns));
      SQLException failure = null;
      try {
        writer.load(connection, STAGING, columns, batch.upserts());
        statement.execute(writer.mergeFromStaging(table, STAGING, columns, key));
      } catch (SQLException e) {
        failure = e;
      }
      try {
        statement.execute(writer.dropStaging(STAGING));
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
