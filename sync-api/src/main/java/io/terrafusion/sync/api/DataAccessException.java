package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/**
 * Reading from or writing to a database failed. Carries the SQLState when the driver gave one, so
 * that callers and retry policies can classify the failure without parsing messages.
 */
public class DataAccessException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;
  private final @Nullable RowKey key;

  /**
   * An exception about an operation on a table.
   *
   * @param message what was being done, naming the table and, where one row is at fault, its key
   * @param table the table, or null
   * @param key the row at fault, or null
   * @param sqlState the driver's SQLState, or null
   * @param cause the driver's exception
   */
  public DataAccessException(
      String message, @Nullable TableId table, @Nullable RowKey key, @Nullable String sqlState, @Nullable Throwable cause) {
    super(message, table, cause);
    this.key = key;
    this.sqlState = sqlState;
  }

  /** The five-character SQLState, or null when the driver gave none. */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /** The row at fault, or null when not one row. */
  public @Nullable RowKey key() {
    return key;
  }
}
