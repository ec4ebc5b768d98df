package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of the exceptions a sync throws when something fails at run time (not for misuse of the
 * API, which gets {@link IllegalArgumentException} or {@link IllegalStateException}). Messages name
 * tables and keys, never row values.
 */
public abstract class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable TableId table;

  /** An exception about a table, or about no table when {@code table} is null. */
  protected SyncException(String message, @Nullable TableId table, @Nullable Throwable cause) {
    super(message, cause);
    this.table = table;
  }

  /** The table concerned, or null. */
  public @Nullable TableId table() {
    return table;
  }
}
