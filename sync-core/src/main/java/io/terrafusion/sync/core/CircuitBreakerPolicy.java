package io.terrafusion.sync.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When the engine stops calling a store that keeps failing, and when it tries again. The engine
 * keeps one breaker per store ({@code source}, {@code target}, {@code stateStore}), shared by all its
 * jobs. Only transient failures (those a {@link RetryPolicy} retries) count; a store that answers
 * with any other error is up. After {@code failureThreshold} transient failures in a row the breaker
 * opens: calls to the store fail fast with a {@link io.terrafusion.sync.api.CircuitOpenException},
 * which fails the job. After {@code delay} the breaker is half-open and lets trial calls through;
 * {@code successThreshold} successful ones close it, a failed one opens it again. Breakers show in
 * {@link SyncEngine#circuitBreakers()} and on {@code GET /health}.
 *
 * <p>The values are checked by {@link SyncEngineBuilder#build()}, not here, so that every problem of
 * the configuration is reported together. This record is immutable and thread-safe.
 *
 * @param failureThreshold the transient failures in a row that open the breaker; at least 1
 * @param delay how long an open breaker refuses calls; must be positive
 * @param successThreshold the successful trial calls in a row that close a half-open breaker; at least 1
 */
public record CircuitBreakerPolicy(int failureThreshold, Duration delay, int successThreshold) {
  private static final CircuitBreakerPolicy DEFAULTS = new CircuitBreakerPolicy(5, Duration.ofSeconds(30), 1);

  /**
   * Checks that no part is null.
   *
   * @throws NullPointerException if {@code delay} is null
   */
  public CircuitBreakerPolicy {
    Objects.requireNonNull(delay, "delay");
  }

  /** The default policy: open after 5 transient failures in a row, try again after 30 s, close on 1 success. */
  public static CircuitBreakerPolicy defaults() {
    return DEFAULTS;
  }

  /** The rules this policy breaks, each naming the option and the value; empty when it is valid. */
  List<String> problems(String option) {
    List<String> problems = new ArrayList<>();
    if (failureThreshold < 1) {
      problems.add(option + ".failureThreshold must be >= 1 but was " + failureThreshold);
    }
    if (delay.isNegative() || delay.isZero()) {
      problems.add(option + ".delay must be positive but was " + delay);
    }
    if (successThreshold < 1) {
      problems.add(option + ".successThreshold must be >= 1 but was " + successThreshold);
    }
    return problems;
  }
}
