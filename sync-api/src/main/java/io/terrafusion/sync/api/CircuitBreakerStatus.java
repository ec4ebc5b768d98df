package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one circuit breaker of an engine: an engine keeps one per store it calls ({@code
 * source}, {@code target}, {@code stateStore}), shared by all its jobs. After repeated transient
 * failures of a store the breaker opens and calls to that store fail fast; after a delay it lets a
 * trial call through (half-open), and a successful one closes it again.
 *
 * <p>This record is immutable and thread-safe; the breaker itself may change right after the snapshot.
 *
 * @param name which store the breaker guards: {@code source}, {@code target} or {@code stateStore}
 * @param state the breaker's state
 * @param failures the recent transient failures the breaker counts towards opening (in the open
 *     state, those that opened it)
 * @param since when the breaker entered this state; the engine's start for a breaker never opened
 */
public record CircuitBreakerStatus(String name, State state, long failures, Instant since) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if {@code failures} is negative
   */
  public CircuitBreakerStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must be >= 0 but was " + failures);
    }
  }

  /** The states of a circuit breaker. */
  public enum State {
    /** Calls go through; transient failures are counted. */
    CLOSED,
    /** Calls fail fast with a {@link CircuitOpenException} until the delay has passed. */
    OPEN,
    /** The delay has passed: the next calls are trials; success closes the breaker, failure opens it again. */
    HALF_OPEN
  }
}
