package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A call to a store was refused without being tried, because the engine's circuit breaker of that
 * store is open after repeated transient failures. It is not retried: the job fails fast and a later
 * job may try again once the breaker lets calls through (see {@link #retryAfter()}).
 */
public class CircuitOpenException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final String breaker;
  private final String store;
  private final Instant openSince;
  private final Instant retryAfter;

  /**
   * An exception naming the breaker, its store and when calls will be let through again.
   *
   * @param breaker the breaker's name: {@code source}, {@code target} or {@code stateStore}
   * @param store the store's name, such as {@code postgresql:target}; never credentials
   * @param openSince when the breaker opened
   * @param retryAfter from when the breaker lets a trial call through
   */
  public CircuitOpenException(String breaker, String store, Instant openSince, Instant retryAfter) {
    super("the circuit breaker of the " + Objects.requireNonNull(breaker, "breaker") + " store "
        + Objects.requireNonNull(store, "store") + " is open since " + Objects.requireNonNull(openSince, "openSince")
        + " after repeated transient failures; calls fail fast until " + Objects.requireNonNull(retryAfter, "retryAfter"),
        null, null);
    this.breaker = breaker;
    this.store = store;
    this.openSince = openSince;
    this.retryAfter = retryAfter;
  }

  /** The breaker's name: {@code source}, {@code target} or {@code stateStore}. */
  public String breaker() {
    return breaker;
  }

  /** The name of the store the breaker guards. */
  public String store() {
    return store;
  }

  /** When the breaker opened. */
  public Instant openSince() {
    return openSince;
  }

  /** From when the breaker lets a trial call through. */
  public Instant retryAfter() {
    return retryAfter;
  }
}
