package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row that changed at both ends since the last sync: the target's copy no longer matches what the
 * last sync wrote, and the source brings a change of its own.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id a unique id, used to resolve the conflict later when it is queued
 * @param table the target table
 * @param key the row's key
 * @param sourceChange the kind of the source's change
 * @param source the source's row (transformed to the target's shape), or null when deleted at the
 *     source
 * @param target the target's current row, or null when deleted at the target
 * @param detectedAt when the engine found the conflict
 */
public record Conflict(
    String id,
    TableId table,
    RowKey key,
    ChangeKind sourceChange,
    @Nullable Row source,
    @Nullable Row target,
    Instant detectedAt) {

  /** Validates the parts. */
  public Conflict {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sourceChange, "sourceChange");
    Objects.requireNonNull(detectedAt, "detectedAt");
  }
}
