package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import org.jspecify.annotations.Nullable;

/**
 * A write the reconciler decided on, not yet applied.
 *
 * @param kind INSERT, UPDATE or DELETE
 * @param target the target's current row, or null when it has none
 * @param row the row to write, or null for a delete
 */
record PendingWrite(ChangeKind kind, RowKey key, @Nullable Row target, @Nullable Row row) {}
