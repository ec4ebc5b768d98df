package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncException;
import io.terrafusion.sync.api.TableId;
import org.jspecify.annotations.Nullable;

/**
 * A user function given to a built-in transformer (a computed column's function or a row filter's
 * predicate) threw while mapping one row. The message names the table, the row's key, the column
 * and the type of the failure, never the row's values; the engine dead-letters the row with it.
 */
public final class RowMappingException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final RowKey key;
  private final @Nullable String column;

  RowMappingException(String what, TableId table, RowKey key, @Nullable String column, RuntimeException cause) {
    super(what + " of table " + table + " row " + key + " failed: " + cause.getClass().getSimpleName(), table, cause);
    this.key = key;
    this.column = column;
  }

  /** The key of the row that could not be mapped. */
  public RowKey key() {
    return key;
  }

  /** The column being computed, or null when a row filter failed. */
  public @Nullable String column() {
    return column;
  }
}
