package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import java.util.List;

/**
 * What to write to one target table in one transaction.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param upserts rows to insert or overwrite, in the target table's layout
 * @param deletes keys of rows to delete; a key that is not there is no error
 * @param newRows a hint that no upserted key existed at the target when the engine compared: a store
 *     may then take a faster insert-only path, but must still end as if it had upserted (should a key
 *     exist after all, it falls back to upserting)
 */
public record WriteBatch(List<Row> upserts, List<RowKey> deletes, boolean newRows) {

  /** Copies the lists. */
  public WriteBatch {
    upserts = List.copyOf(upserts);
    deletes = List.copyOf(deletes);
  }

  /** A batch with no hint about the upserted keys. */
  public WriteBatch(List<Row> upserts, List<RowKey> deletes) {
    this(upserts, deletes, false);
  }

  /** Whether there is nothing to do. */
  public boolean isEmpty() {
    return upserts.isEmpty() && deletes.isEmpty();
  }

  /** The number of rows written and deleted. */
  public int size() {
    return upserts.size() + deletes.size();
  }
}
