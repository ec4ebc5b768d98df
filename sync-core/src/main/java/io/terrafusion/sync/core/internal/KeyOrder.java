package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import org.jspecify.annotations.Nullable;

/** Checks that a store yields keys strictly increasing under the canonical order. */
public final class KeyOrder {
  private KeyOrder() {}

  /**
   * Checks that {@code next} follows {@code previous}.
   *
   * @param store which store yielded the keys, for the message
   * @throws TableSyncException if it does not
   */
  public static void requireAscending(TableId table, String store, @Nullable RowKey previous, RowKey next) {
    if (previous != null && previous.compareTo(next) >= 0) {
      throw new TableSyncException("the " + store + " store returned key " + next + " of table " + table
          + " after key " + previous + ": the store's key order disagrees with the canonical byte-wise order"
          + " (strings must sort by UTF-8 bytes, such as COLLATE \"C\" or a _bin collation)", table, null);
    }
  }
}
