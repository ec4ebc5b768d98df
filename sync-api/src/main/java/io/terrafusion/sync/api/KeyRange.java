package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/**
 * A range of primary keys, open below and closed above: keys {@code k} with {@code after < k <= upTo}.
 * A null bound is unbounded on that side.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param after the exclusive lower bound, or null for no lower bound
 * @param upTo the inclusive upper bound, or null for no upper bound
 */
public record KeyRange(@Nullable RowKey after, @Nullable RowKey upTo) {
  private static final KeyRange ALL = new KeyRange(null, null);

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if both bounds are given and {@code after} is not below {@code
   *     upTo}
   */
  public KeyRange {
    if (after != null && upTo != null && after.compareTo(upTo) >= 0) {
      throw new IllegalArgumentException("key range must have after < upTo but was (" + after + ", " + upTo + "]");
    }
  }

  /** Every key. */
  public static KeyRange all() {
    return ALL;
  }

  /** The keys above {@code after}, or every key when it is null. */
  public static KeyRange after(@Nullable RowKey after) {
    return new KeyRange(after, null);
  }

  /** Whether the range holds the key. */
  public boolean contains(RowKey key) {
    return (after == null || key.compareTo(after) > 0) && (upTo == null || key.compareTo(upTo) <= 0);
  }

  @Override
  public String toString() {
    return "(" + (after == null ? "-inf" : after) + ", " + (upTo == null ? "+inf)" : upTo + "]");
  }
}
