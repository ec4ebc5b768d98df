package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.Resolution;

/**
 * Decides a {@link Conflict}: a row whose target copy changed since the last sync while the source
 * brings a change of its own.
 *
 * <p>Implementations are thread-safe and deterministic: the same conflict gets the same resolution.
 */
@FunctionalInterface
public interface ConflictResolver {

  /**
   * Decides one conflict.
   *
   * @return how it ends; {@link Resolution#defer} queues it for a person
   */
  Resolution resolve(Conflict conflict);

  /**
   * Whether the engine should look for conflicts at all. Finding them means keeping a base hash of
   * every row written, in the state store, which costs a lookup per batch and, in the in-memory
   * store, memory per row. Only a resolver that would take the source's change every time can do
   * without; it returns false, and the engine then neither detects nor audits conflicts and forgets
   * the base hashes of the rows it writes.
   */
  default boolean detectsConflicts() {
    return true;
  }

  /**
   * The source's change always wins and the target's change is overwritten, without detecting
   * conflicts (see {@link #detectsConflicts()}): the engine's default. To have overwritten target
   * changes detected and audited, use {@code conflict -> Resolution.useSource()} instead.
   */
  static ConflictResolver sourceWins() {
    return SourceWins.INSTANCE;
  }

  /** The target's change always wins; the source's change is not applied to that row. */
  static ConflictResolver targetWins() {
    return conflict -> Resolution.useTarget();
  }
}
