package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import org.jspecify.annotations.Nullable;

/**
 * A source change after mapping and validation: what the target should hold for its key.
 *
 * @param row the mapped row for {@link Fate#WRITE}, else null
 */
record Staged(RowKey key, @Nullable Row row, Fate fate) {

  enum Fate {
    /** The target should hold {@link #row}. */
    WRITE,
    /** The target should not hold the key: filtered by the transformer, or deleted at the source. */
    DROP,
    /** Leave the target's row alone: the source row was dead-lettered, set aside rather than gone. */
    HOLD
  }
}
