package io.terrafusion.sync.core.internal;

import dev.failsafe.CircuitBreaker;
import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.CircuitOpenException;
import io.terrafusion.sync.core.CircuitBreakerPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The circuit breaker of one store, shared by every job of an engine: a Failsafe breaker that counts
 * transient failures only, and remembers when it last changed state for status reports. Thread-safe.
 */
final class Breaker {
  private final String name;
  private final String store;
  private final Duration delay;
  private final Clock clock;
  private final CircuitBreaker<Object> breaker;
  private volatile Instant since;

  Breaker(String name, String store, CircuitBreakerPolicy policy, Clock clock) {
    this.name = name;
    this.store = store;
    this.delay = policy.delay();
    this.clock = clock;
    this.since = clock.instant();
    this.breaker = CircuitBreaker.builder()
        .withFailureThreshold(policy.failureThreshold())
        .withSuccessThreshold(policy.successThreshold())
        .withDelay(policy.delay())
        .build();
  }

  String name() {
    return name;
  }

  String store() {
    return store;
  }

  /**
   * Takes a permit for one call; every permit taken must be given back through {@link #record}.
   *
   * @throws CircuitOpenException if the breaker is open
   */
  synchronized void acquire() {
    boolean wasOpen = breaker.isOpen();
    if (!breaker.tryAcquirePermit()) {
      throw new CircuitOpenException(name, store, since, since.plus(delay));
    }
    if (wasOpen) {
      since = clock.instant();
    }
  }

  /**
   * Records the outcome of a call: a transient failure counts against the store, anything else
   * (success, or an error the store answered with) for it.
   *
   * @param failure the call's failure, or null when it succeeded
   * @return the state the breaker moved to because of this call, or null when it stayed
   */
  synchronized CircuitBreakerStatus.@Nullable State record(@Nullable Throwable failure) {
    CircuitBreaker.State before = breaker.getState();
    if (failure != null && FailureKind.of(failure) == FailureKind.TRANSIENT) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
    CircuitBreaker.State after = breaker.getState();
    if (after == before) {
      return null;
    }
    since = clock.instant();
    return state(after);
  }

  /** A snapshot; an open breaker whose delay has passed shows as half-open, as its next call is a trial. */
  CircuitBreakerStatus status() {
    CircuitBreaker.State state = breaker.getState();
    Instant changed = since;
    if (state == CircuitBreaker.State.OPEN && breaker.getRemainingDelay().isZero()) {
      return new CircuitBreakerStatus(name, CircuitBreakerStatus.State.HALF_OPEN, breaker.getFailureCount(),
          changed.plus(delay));
    }
    return new CircuitBreakerStatus(name, state(state), breaker.getFailureCount(), changed);
  }

  private static CircuitBreakerStatus.State state(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> CircuitBreakerStatus.State.CLOSED;
      case OPEN -> CircuitBreakerStatus.State.OPEN;
      case HALF_OPEN -> CircuitBreakerStatus.State.HALF_OPEN;
    };
  }
}
