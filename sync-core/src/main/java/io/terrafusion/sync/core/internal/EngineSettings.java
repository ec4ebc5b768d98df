package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.core.CircuitBreakerPolicy;
import io.terrafusion.sync.core.DeadLetterPolicy;
import io.terrafusion.sync.core.RetryPolicy;
import io.terrafusion.sync.spi.AuditSink;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ConflictResolver;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.SyncListener;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.Transformer;
import io.terrafusion.sync.spi.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The engine's validated, immutable configuration, as the builder produced it.
 *
 * @param incrementalDetector the detector for incremental jobs, the configured one or the default
 * @param detectors every detector a request may choose by name, the incremental detector and the
 *     hash-diff detector included
 * @param createMissingTables whether a job creates the target tables it lacks from the mapped source
 *     schemas
 * @param retryPolicy how transient failures of store calls are retried
 * @param circuitBreakerPolicy when the breaker of a store opens and closes again
 * @param parallelism the most tables of one job synced at once
 * @param jobTimeout how long a job may run before it stops at its next batch boundary and fails, or
 *     null for no limit
 * @param listeners who follows the jobs' progress
 * @param redactor what the audit trail masks: the sensitive columns of each table
 */
public record EngineSettings(
    SourceStore source,
    TargetStore target,
    StateStore stateStore,
    int batchSize,
    Transformer transformer,
    Validator validator,
    ConflictResolver conflictResolver,
    List<AuditSink> auditSinks,
    ChangeDetector incrementalDetector,
    Map<String, ChangeDetector> detectors,
    DeadLetterPolicy deadLetterPolicy,
    Clock clock,
    boolean createMissingTables,
    RetryPolicy retryPolicy,
    CircuitBreakerPolicy circuitBreakerPolicy,
    int parallelism,
    @Nullable Duration jobTimeout,
    List<SyncListener> listeners,
    Redactor redactor) {

  /** Checks the parts and copies the sinks. */
  public EngineSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(stateStore, "stateStore");
    Objects.requireNonNull(transformer, "transformer");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(conflictResolver, "conflictResolver");
    Objects.requireNonNull(deadLetterPolicy, "deadLetterPolicy");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(incrementalDetector, "incrementalDetector");
    Objects.requireNonNull(redactor, "redactor");
    auditSinks = List.copyOf(auditSinks);
    detectors = Map.copyOf(detectors);
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(circuitBreakerPolicy, "circuitBreakerPolicy");
  }

  /** These settings with other stores, such as the same stores guarded by retries and breakers. */
  public EngineSettings withStores(SourceStore source, TargetStore target, StateStore stateStore) {
    return new EngineSettings(source, target, stateStore, batchSize, transformer, validator, conflictResolver,
        auditSinks, incrementalDetector, detectors, deadLetterPolicy, clock, createMissingTables, retryPolicy,
        circuitBreakerPolicy, parallelism, jobTimeout, listeners, redactor);
  }
}
