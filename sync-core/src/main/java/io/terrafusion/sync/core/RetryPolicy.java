package io.terrafusion.sync.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How often and how patiently the engine tries a store call again after a transient failure:
 * connection loss (SQLState class 08), serialization failure or deadlock (40001, 40P01, MariaDB 1213),
 * lock wait timeout (MariaDB 1205), admin shutdown (57P01), too many connections (53300) and timeouts.
 * Other failures are never retried. Each retry runs on a fresh connection (stores take one per call),
 * after a delay that starts at {@code initialDelay}, doubles with every attempt up to {@code
 * maxDelay}, and is varied at random by up to {@code jitter} times itself, so that jobs failing
 * together do not retry together.
 *
 * <p>Retried are a batch's write to the target (one transaction, idempotent), the engine's reads of
 * the target, the state store's calls, the planner's schema reads, and the change detector's stream
 * (its reads of the source and, for the hash-diff detector, checksum queries at both ends), which is
 * reopened from the last saved checkpoint. A job that is cancelled while waiting to retry stops at
 * once, CANCELLED.
 *
 * <p>The values are checked by {@link SyncEngineBuilder#build()}, not here, so that every problem of
 * the configuration is reported together. This record is immutable and thread-safe.
 *
 * @param maxAttempts the most times one call is tried, the first included; 1 means never retry.
 *     Must be at least 1
 * @param initialDelay the wait before the first retry; must not be negative
 * @param maxDelay the longest wait between two attempts; must not be shorter than {@code initialDelay}
 * @param jitter the largest random part of a delay, as a fraction of it; between 0 and 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
  /** The default policy: 5 attempts, waits from 100 ms doubling up to 10 s, jitter 0.25. */
  private static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), 0.25);
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

  /**
   * Checks that no part is null.
   *
   * @throws NullPointerException naming a null delay
   */
  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
  }

  /** The default policy: 5 attempts, waits from 100 ms doubling up to 10 s, jitter 0.25. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that tries every call once: a transient failure fails the job as any other would. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** The rules this policy breaks, each naming the option and the value; empty when it is valid. */
  List<String> problems(String option) {
    List<String> problems = new ArrayList<>();
    if (maxAttempts < 1) {
      problems.add(option + ".maxAttempts must be >= 1 but was " + maxAttempts);
    }
    if (initialDelay.isNegative()) {
      problems.add(option + ".initialDelay must not be negative but was " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      problems.add(option + ".maxDelay must be >= initialDelay (" + initialDelay + ") but was " + maxDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      problems.add(option + ".jitter must be between 0 and 1 but was " + jitter);
    }
    return problems;
  }
}
