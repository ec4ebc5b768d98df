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

  /** The source's change always wins; the target's change is overwritten. */
  static ConflictResolver sourceWins() {
    return conflict -> Resolution.useSource();
  }

  /** The target's change always wins; the source's change is not applied to that row. */
  static ConflictResolver targetWins() {
    return conflict -> Resolution.useTarget();
  }
}
