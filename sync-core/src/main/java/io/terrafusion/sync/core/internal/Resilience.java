package io.terrafusion.sync.core.internal;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicyBuilder;
import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.core.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retry policy and the circuit breakers of one engine: one breaker per store, shared by every
 * job, and a {@link JobGuard} per job that runs store calls under them. Thread-safe.
 */
final class Resilience {
  static final String SOURCE = "source";
  static final String TARGET = "target";
  static final String STATE_STORE = "stateStore";

  private final EngineSettings settings;
  private final dev.failsafe.RetryPolicy<Object> retry;
  private final Map<String, Breaker> breakers = new LinkedHashMap<>();

  Resilience(EngineSettings settings) {
    this.settings = settings;
    this.retry = retryPolicy(settings.retryPolicy());
    breakers.put(SOURCE, new Breaker(SOURCE, settings.source().name(), settings.circuitBreakerPolicy(), settings.clock()));
    breakers.put(TARGET, new Breaker(TARGET, settings.target().name(), settings.circuitBreakerPolicy(), settings.clock()));
    breakers.put(STATE_STORE, new Breaker(STATE_STORE, settings.stateStore().getClass().getSimpleName(),
        settings.circuitBreakerPolicy(), settings.clock()));
  }

  /** The breakers' states: source, target, state store. */
  List<CircuitBreakerStatus> statuses() {
    return breakers.values().stream().map(Breaker::status).toList();
  }

  /** The guard of one job's store calls. */
  JobGuard forJob(String jobId, AuditTrail audit, JobControl control) {
    return new JobGuard(this, jobId, audit, control);
  }

  EngineSettings settings() {
    return settings;
  }

  Breaker breaker(String name) {
    return breakers.get(name);
  }

  int maxAttempts() {
    return settings.retryPolicy().maxAttempts();
  }

  /** A fresh count of attempts for one call; the caller sleeps the delays, so that it can stop on cancellation. */
  Execution<Object> execution() {
    return Execution.of(retry);
  }

  private static dev.failsafe.RetryPolicy<Object> retryPolicy(RetryPolicy policy) {
    RetryPolicyBuilder<Object> builder = dev.failsafe.RetryPolicy.builder()
        .handleIf((Throwable failure) -> FailureKind.of(failure) == FailureKind.TRANSIENT)
        .withMaxAttempts(policy.maxAttempts());
    if (!policy.initialDelay().isZero() && !policy.initialDelay().isNegative()) {
      if (policy.maxDelay().compareTo(policy.initialDelay()) > 0) {
        builder.withBackoff(policy.initialDelay(), policy.maxDelay());
      } else {
        builder.withDelay(policy.initialDelay());
      }
      if (policy.jitter() > 0) {
        builder.withJitter(policy.jitter());
      }
    }
    return builder.build();
  }
}
