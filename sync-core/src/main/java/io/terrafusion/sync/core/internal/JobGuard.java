package io.terrafusion.sync.core.internal;

import dev.failsafe.Execution;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.spi.TargetStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the store calls of one job under the engine's retry policy and circuit breakers: a transient
 * failure is retried after the policy's delay, which a cancellation of the job cuts short; every retry
 * and every breaker transition is audited. Thread-safe: the job's read-ahead thread uses it too.
 */
final class JobGuard {
  private static final Logger LOG = LoggerFactory.getLogger(JobGuard.class);
  /** How often a wait between attempts looks at the job's cancellation flag. */
  private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Resilience resilience;
  private final String jobId;
  private final AuditTrail audit;
  private final JobControl control;

  JobGuard(Resilience resilience, String jobId, AuditTrail audit, JobControl control) {
    this.resilience = resilience;
    this.jobId = jobId;
    this.audit = audit;
    this.control = control;
  }

  /**
   * The engine's settings with the target and the state store guarded; the source stays as given,
   * since detectors may need its own class (a JDBC detector needs the JDBC store), and its change
   * streams are guarded by {@link ResumingStream}.
   */
  EngineSettings settings() {
    EngineSettings raw = resilience.settings();
    return raw.withStores(raw.source(), new GuardedTarget(raw.target(), this),
        new GuardedStateStore(raw.stateStore(), this));
  }

  /** The target as given, for change detectors, whose reads are retried by reopening their stream. */
  TargetStore unguardedTarget() {
    return resilience.settings().target();
  }

  /** The settings for planning: the source's schema reads are guarded too. */
  EngineSettings planning() {
    EngineSettings guarded = settings();
    return guarded.withStores(new GuardedSource(guarded.source(), Resilience.SOURCE, this), guarded.target(),
        guarded.stateStore());
  }

  /** Runs a call of a store that returns nothing; see {@link #call(String, String, Supplier, Runnable)}. */
  void run(String breaker, String operation, Runnable action) {
    call(breaker, operation, () -> {
      action.run();
      return null;
    }, () -> {});
  }

  /** Runs a call of a store; see {@link #call(String, String, Supplier, Runnable)}. */
  <T> T call(String breaker, String operation, Supplier<T> action) {
    return call(breaker, operation, action, () -> {});
  }

  /**
   * Runs a call of a store, trying it again after each transient failure until it succeeds, fails
   * otherwise, or the attempts run out; the last failure is then thrown as it was.
   *
   * @param breaker the name of the store's breaker
   * @param operation what the call does, for the audit and the log; no values
   * @param beforeRetry what to do after a failure before trying again, such as dropping a broken stream
   * @throws io.terrafusion.sync.api.CircuitOpenException if the store's breaker is open
   * @throws RetryCancelledException if the job was cancelled while waiting to try again
   */
  <T> T call(String breaker, String operation, Supplier<T> action, Runnable beforeRetry) {
    Breaker guard = resilience.breaker(breaker);
    Execution<Object> execution = resilience.execution();
    while (true) {
      guard.acquire();
      T result;
      try {
        result = action.get();
      } catch (RuntimeException failure) {
        boolean opened = settle(guard, failure);
        execution.recordException(failure);
        // a breaker that just opened refuses the next attempt anyway; this failure says more
        if (execution.isComplete() || opened) {
          throw failure;
        }
        Duration delay = execution.getDelay();
        retrying(guard, operation, execution.getAttemptCount(), delay, failure);
        beforeRetry.run();
        pause(delay, operation, failure);
        continue;
      }
      settle(guard, null);
      return result;
    }
  }

  private void retrying(Breaker breaker, String operation, int attempt, Duration delay, RuntimeException failure) {
    String sqlState = sqlState(failure);
    LOG.warn("job {}: {} on the {} store {} failed transiently ({}, SQLState {}); attempt {} of {}, next in {} ms",
        jobId, operation, breaker.name(), breaker.store(), failure.getClass().getName(), sqlState, attempt,
        resilience.maxAttempts(), delay.toMillis());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("operation", operation);
    details.put("store", breaker.name());
    details.put("attempt", Integer.toString(attempt));
    details.put("maxAttempts", Integer.toString(resilience.maxAttempts()));
    details.put("delayMs", Long.toString(delay.toMillis()));
    details.put("failure", failure.getClass().getName());
    if (sqlState != null) {
      details.put("sqlState", sqlState);
    }
    audit.job(AuditEventType.RETRY, details);
  }

  /** Records a call's outcome with the breaker and audits a transition; returns whether the breaker opened. */
  private boolean settle(Breaker breaker, @Nullable RuntimeException failure) {
    CircuitBreakerStatus.State moved = breaker.record(failure);
    if (moved == CircuitBreakerStatus.State.OPEN) {
      CircuitBreakerStatus status = breaker.status();
      LOG.warn("job {}: the circuit breaker of the {} store {} opened after {} transient failures in a row",
          jobId, breaker.name(), breaker.store(), status.failures());
      audit.job(AuditEventType.CIRCUIT_OPENED, Map.of("store", breaker.name(), "name", breaker.store(),
          "failures", Long.toString(status.failures())));
    } else if (moved == CircuitBreakerStatus.State.CLOSED) {
      LOG.info("job {}: the circuit breaker of the {} store {} closed", jobId, breaker.name(), breaker.store());
      audit.job(AuditEventType.CIRCUIT_CLOSED, Map.of("store", breaker.name(), "name", breaker.store()));
    }
    return moved == CircuitBreakerStatus.State.OPEN;
  }

  /** Waits before the next attempt, looking at the job's cancellation flag as it waits. */
  private void pause(Duration delay, String operation, RuntimeException failure) {
    long end = System.nanoTime() + delay.toNanos();
    while (true) {
      if (control.cancelRequested()) {
        throw new RetryCancelledException(operation);
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, CANCEL_CHECK_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }

  /** The first SQLState along the cause chain, for the audit; never the message, which may hold SQL or values. */
  private static @Nullable String sqlState(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 64; depth++, t = t.getCause()) {
      String state = t instanceof DataAccessException access ? access.sqlState()
          : t instanceof SQLException sql ? sql.getSQLState() : null;
      if (state != null) {
        return state;
      }
    }
    return null;
  }
}
