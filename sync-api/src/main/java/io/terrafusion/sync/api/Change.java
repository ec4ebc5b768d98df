package io.terrafusion.sync.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change of one row: its kind, its key, and the row before and after, where known.
 *
 * <p>An insert, update or upsert carries the row {@code after}; a delete carries none. {@code before}
 * is the previous row when the detector knows it. This record is immutable and thread-safe.
 *
 * @param kind what happened
 * @param key the row's primary key
 * @param before the row before the change, when known
 * @param after the row after the change; null exactly for deletes
 */
public record Change(ChangeKind kind, RowKey key, @Nullable Row before, @Nullable Row after) {

  /**
   * Validates the change.
   *
   * @throws IllegalArgumentException if a delete carries an {@code after} row, another kind lacks
   *     one, or a row's key differs from {@code key}
   */
  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    if ((kind == ChangeKind.DELETE) != (after == null)) {
      throw new IllegalArgumentException(kind == ChangeKind.DELETE
          ? "a DELETE of " + key + " must not carry an after row"
          : "a " + kind + " of " + key + " must carry an after row");
    }
    if (after != null && !after.key().equals(key)) {
      throw new IllegalArgumentException("after row has key " + after.key() + " but the change is of " + key);
    }
    if (before != null && !before.key().equals(key)) {
      throw new IllegalArgumentException("before row has key " + before.key() + " but the change is of " + key);
    }
  }

  /** A new row. */
  public static Change insert(Row row) {
    return new Change(ChangeKind.INSERT, row.key(), null, row);
  }

  /** A changed row; {@code before} may be null when unknown. */
  public static Change update(@Nullable Row before, Row after) {
    return new Change(ChangeKind.UPDATE, after.key(), before, after);
  }

  /** A row the source holds, whether or not the target has it. */
  public static Change upsert(Row row) {
    return new Change(ChangeKind.UPSERT, row.key(), null, row);
  }

  /** A deleted row; {@code before} may be null when unknown. */
  public static Change delete(RowKey key, @Nullable Row before) {
    return new Change(ChangeKind.DELETE, key, before, null);
  }
}
