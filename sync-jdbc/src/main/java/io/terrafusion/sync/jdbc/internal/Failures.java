package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns driver and JDBI failures into {@link DataAccessException}s. Messages name the table, the
 * operation, the key when one row is at fault, the SQLState and vendor code, but never the driver's
 * own message, which may quote row values; the driver's exception stays attached as the cause.
 */
public final class Failures {
  private Failures() {}

  /**
   * The exception to throw for {@code failure} while running {@code action} on {@code table} (null
   * for the database as a whole).
   *
   * @param keys the keys of the batch, in batch order, to find the failing row; empty if not a batch
   */
  public static RuntimeException translate(RuntimeException failure, Dialect dialect, @Nullable TableId table, String action,
      List<RowKey> keys) {
    DataAccessException known = find(failure, DataAccessException.class);
    if (known != null) {
      return known;
    }
    SQLException sql = find(failure, SQLException.class);
    if (sql == null) {
      return failure;
    }
    RowKey key = failingKey(sql, keys);
    String sqlState = dialect.sqlState(sql);
    String message = "cannot " + action + (table == null ? " the database" : " table " + table) + (key == null ? "" : " at row " + key)
        + ": SQLState " + sqlState + ", vendor code " + sql.getErrorCode();
    return new DataAccessException(message, table, key, sqlState, failure);
  }

  private static @Nullable RowKey failingKey(SQLException sql, List<RowKey> keys) {
    if (!(sql instanceof BatchUpdateException batch) || keys.isEmpty()) {
      return null;
    }
    int[] counts = batch.getUpdateCounts();
    if (counts == null || counts.length > 1 && Arrays.stream(counts).allMatch(c -> c == Statement.EXECUTE_FAILED)) {
      // PgJDBC marks every entry failed when the transaction is lost, which names no row.
      return null;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.EXECUTE_FAILED) {
        return i < keys.size() ? keys.get(i) : null;
      }
    }
    // Drivers that stop at the first failure report the counts of the statements before it.
    return counts.length < keys.size() ? keys.get(counts.length) : null;
  }

  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
