package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/**
 * A table could not be synced for a reason that is not a database failure: a store returned keys
 * out of order, a mapping changed a key, a rejected row under the FAIL policy. The message names the
 * table, the key and the rule, never row values.
 */
public final class TableSyncException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** An exception about a table. */
  public TableSyncException(String message, TableId table, @Nullable Throwable cause) {
    super(message, table, cause);
  }
}
