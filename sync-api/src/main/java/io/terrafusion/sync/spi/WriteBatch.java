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
 */
public record WriteBatch(List<Row> upserts, List<RowKey> deletes) {

  /** Copies the lists. */
  public WriteBatch {
    upserts = List.copyOf(upserts);
    deletes = List.copyOf(deletes);
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
