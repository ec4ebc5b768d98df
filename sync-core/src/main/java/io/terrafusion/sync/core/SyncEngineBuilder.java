package io.terrafusion.sync.core;

import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.core.internal.EngineSettings;
import io.terrafusion.sync.core.internal.Redactor;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.core.validate.Validators;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link SyncEngine}. Each setter rejects a null argument at once with a {@link
 * NullPointerException} naming it; rules about values and between options are checked by {@link
 * #build()}, which reports every problem together in one {@link InvalidConfigurationException}.
 *
 * <p>This class is not thread-safe; use a builder from one thread. The engines it builds are
 * independent of it: changing the builder afterwards does not change them.
 */
public final class SyncEngineBuilder {
  /** The default number of rows per batch. */
  public static final int DEFAULT_BATCH_SIZE = 1000;
  /** The largest number of rows per batch. */
  public static final int MAX_BATCH_SIZE = 100_000;
  /** The most tables of one job that may be synced at once. */
  public static final int MAX_PARALLELISM = 64;

  private @Nullable SourceStore source;
  private @Nullable TargetStore target;
  private @Nullable StateStore stateStore;
  private int batchSize = DEFAULT_BATCH_SIZE;
  private Transformer transformer = Transformer.identity();
  private Validator validator = Validators.defaults();
  private ConflictResolver conflictResolver = ConflictResolver.sourceWins();
  private final List<AuditSink> auditSinks = new ArrayList<>();
  private @Nullable ChangeDetector incrementalDetector;
  private final List<ChangeDetector> detectors = new ArrayList<>();
  private DeadLetterPolicy deadLetterPolicy = DeadLetterPolicy.QUARANTINE;
  private Clock clock = Clock.systemUTC();
  private @Nullable Executor executor;
  private boolean createMissingTables;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.defaults();
  private int parallelism = 1;
  private @Nullable Duration jobTimeout;
  private final List<SyncListener> listeners = new ArrayList<>();
  private final Map<TableId, Set<String>> sensitiveColumns = new LinkedHashMap<>();

  SyncEngineBuilder() {}

  SyncEngineBuilder(EngineSettings settings, @Nullable Executor executor) {
    this.source = settings.source();
    this.target = settings.target();
    this.stateStore = settings.stateStore();
    this.batchSize = settings.batchSize();
    this.transformer = settings.transformer();
    this.validator = settings.validator();
    this.conflictResolver = settings.conflictResolver();
    this.auditSinks.addAll(settings.auditSinks());
    // The default hash-diff detector is added again by build(); copying it would pin it as configured.
    ChangeDetector defaultDetector = HashDiffDetector.create();
    this.incrementalDetector = settings.incrementalDetector() == defaultDetector ? null : settings.incrementalDetector();
    settings.detectors().values().stream().filter(d -> d != defaultDetector).forEach(this.detectors::add);
    this.deadLetterPolicy = settings.deadLetterPolicy();
    this.clock = settings.clock();
    this.executor = executor;
    this.createMissingTables = settings.createMissingTables();
    this.retryPolicy = settings.retryPolicy();
    this.circuitBreakerPolicy = settings.circuitBreakerPolicy();
    this.parallelism = settings.parallelism();
    this.jobTimeout = settings.jobTimeout();
    this.listeners.addAll(settings.listeners());
    settings.redactor().sensitive().forEach((table, columns) -> this.sensitiveColumns.put(table, new LinkedHashSet<>(columns)));
  }

  /** The store to read from. Required. */
  public SyncEngineBuilder source(SourceStore store) {
    this.source = Objects.requireNonNull(store, "source");
    return this;
  }

  /** The store to write to. Required; must be another object than the source. */
  public SyncEngineBuilder target(TargetStore store) {
    this.target = Objects.requireNonNull(store, "target");
    return this;
  }

  /**
   * Where checkpoints, base hashes, conflicts, dead letters and job history are kept. Default: a new
   * {@link InMemoryStateStore} per {@link #build()}.
   */
  public SyncEngineBuilder stateStore(StateStore store) {
    this.stateStore = Objects.requireNonNull(store, "stateStore");
    return this;
  }

  /**
   * The most rows read, compared or written at once; memory is bounded by it. Default {@value
   * #DEFAULT_BATCH_SIZE}; must be between 1 and {@value #MAX_BATCH_SIZE}, checked by {@link #build()}.
   */
  public SyncEngineBuilder batchSize(int rows) {
    this.batchSize = rows;
    return this;
  }

  /** Maps every table's rows to the target's shape. Default {@link Transformer#identity()}. */
  public SyncEngineBuilder transformer(Transformer value) {
    this.transformer = Objects.requireNonNull(value, "transformer");
    return this;
  }

  /**
   * Checks schemas before a job and each row before it is written. Default {@link Validators#defaults()}:
   * schema compatibility, then NOT NULL, type, length and numeric range per row.
   */
  public SyncEngineBuilder validator(Validator value) {
    this.validator = Objects.requireNonNull(value, "validator");
    return this;
  }

  /** Decides rows changed at both ends. Default {@link ConflictResolver#sourceWins()}. */
  public SyncEngineBuilder conflictResolver(ConflictResolver value) {
    this.conflictResolver = Objects.requireNonNull(value, "conflictResolver");
    return this;
  }

  /**
   * Adds a sink for the audit trail; every added sink receives every event. Default: none. A sink is
   * required unless wrapped in {@link io.terrafusion.sync.core.audit.AuditSinks#optional}: when it
   * throws while recording or flushing a batch's events, the batch fails before its checkpoint moves.
   * A sink that {@linkplain AuditSink#joinTransaction joins the target's transaction} records each
   * transaction's row events in it. A checkpoint rides with its batch's last transaction (when the
   * state store offers that) only if every required sink joins it; otherwise it is saved after the
   * sinks flushed, so that no checkpoint moves past a change whose required record is not durable.
   */
  public SyncEngineBuilder auditSink(AuditSink sink) {
    this.auditSinks.add(Objects.requireNonNull(sink, "auditSink"));
    return this;
  }

  /**
   * The detector for INCREMENTAL jobs, for every table the request does not choose another for. It
   * is also registered as by {@link #detector}. Default: the detector registered under the name
   * {@value HashDiffDetector#NAME}, which is {@link HashDiffDetector#create()} unless another is
   * registered; it compares the source with the target through checksums where both stores offer
   * them, and falls back to a full comparison where not.
   */
  public SyncEngineBuilder incrementalDetector(ChangeDetector detector) {
    this.incrementalDetector = Objects.requireNonNull(detector, "incrementalDetector");
    return this;
  }

  /**
   * Registers a detector that an incremental {@link io.terrafusion.sync.api.SyncRequest} may choose
   * for a table by its {@linkplain ChangeDetector#name() name}. Registering the same object twice is
   * harmless; two different detectors of one name are reported by {@link #build()}. The hash-diff
   * detector is always registered: {@link HashDiffDetector#create()} unless a detector of its name is
   * given here; a {@link HashDiffDetector} given here also sets the tunables full jobs use.
   */
  public SyncEngineBuilder detector(ChangeDetector detector) {
    this.detectors.add(Objects.requireNonNull(detector, "detector"));
    return this;
  }

  /** What happens to rows that cannot be written. Default {@link DeadLetterPolicy#QUARANTINE}. */
  public SyncEngineBuilder deadLetterPolicy(DeadLetterPolicy policy) {
    this.deadLetterPolicy = Objects.requireNonNull(policy, "deadLetterPolicy");
    return this;
  }

  /** The clock of audit timestamps, job times and elapsed times. Default {@link Clock#systemUTC()}. */
  public SyncEngineBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Whether a job creates the target tables it lacks. Default false: a missing target table is a
   * {@code missing-table} schema violation that fails the job before anything is written.
   *
   * <p>When true, and the only violations a job's pre-flight check finds are missing target tables,
   * the job creates each of them with {@link TargetStore#createTable} from the mapped (transformed)
   * source schema (columns, primary key and NOT NULLs; no foreign keys), records an audit event of
   * type {@link io.terrafusion.sync.api.AuditEventType#VALIDATION} with detail {@code
   * action=create-table}, then checks again and runs. When other violations are found, nothing is
   * created. {@link SyncEngine#validate} creates nothing and still reports missing tables. The
   * target store must support {@code createTable}; a failure to create fails the job.
   */
  public SyncEngineBuilder createMissingTables(boolean create) {
    this.createMissingTables = create;
    return this;
  }

  /**
   * Where jobs run. Optional; by default the engine owns a small pool of daemon threads named {@code
   * terrafusion-sync-N}, shut down by {@link SyncEngine#close()}. A given executor is never shut down
   * by the engine.
   */
  public SyncEngineBuilder executor(Executor value) {
    this.executor = Objects.requireNonNull(value, "executor");
    return this;
  }

  /**
   * The most tables of one job synced at once. Default 1: one table after the other. Above 1, a job
   * runs tables on threads of its own, still in foreign-key order: a table starts writing only once
   * every selected table it references has written its inserts and updates, and a referenced table
   * deletes only once the tables referring to it are done. When one table fails, the others stop at
   * their next batch boundary and the job fails naming it. Memory grows with it: about two batches per
   * running table. Must be between 1 and {@value #MAX_PARALLELISM}, checked by {@link #build()}.
   */
  public SyncEngineBuilder parallelism(int tables) {
    this.parallelism = tables;
    return this;
  }

  /**
   * How long a job may run. Default: no limit. A job still running when the time has passed on the
   * engine's {@linkplain #clock clock} stops at its next batch boundary, like a cancelled one (every
   * applied batch is whole and checkpointed), and ends FAILED with the reason {@code timed out after}
   * the limit. The time counts from when the job starts running, not while it is queued. Must be
   * positive, checked by {@link #build()}.
   */
  public SyncEngineBuilder jobTimeout(Duration limit) {
    this.jobTimeout = Objects.requireNonNull(limit, "jobTimeout");
    return this;
  }

  /**
   * Adds a listener of job and table starts and ends and of each applied batch's progress; every
   * added listener receives every call. Default: none. See {@link SyncListener} for its contract: a
   * listener that throws is logged and the sync goes on.
   */
  public SyncEngineBuilder listener(SyncListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the engine.
   *
   * @throws InvalidConfigurationException listing every problem: a missing source or target, the
   *     same object as source and target, a batch size or parallelism out of range, a job timeout
   *     not positive, two detectors of one name, a retry or circuit breaker policy whose values
   *     break its rules
   */
  public SyncEngine build() {
    List<String> problems = new ArrayList<>();
    if (source == null) {
      problems.add("source is required but was not set");
    }
    if (target == null) {
      problems.add("target is required but was not set");
    }
    if (source != null && source == target) {
      problems.add("source and target must be different stores but the same object was given for both");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      problems.add("batchSize must be between 1 and " + MAX_BATCH_SIZE + " but was " + batchSize);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      problems.add("parallelism must be between 1 and " + MAX_PARALLELISM + " but was " + parallelism);
    }
    if (jobTimeout != null && (jobTimeout.isNegative() || jobTimeout.isZero())) {
      problems.add("jobTimeout must be positive but was " + jobTimeout);
    }
    Map<String, ChangeDetector> byName = new HashMap<>();
    List<ChangeDetector> all = new ArrayList<>(detectors);
    if (incrementalDetector != null) {
      all.add(incrementalDetector);
    }
    for (ChangeDetector detector : all) {
      ChangeDetector previous = byName.putIfAbsent(detector.name(), detector);
      if (previous != null && previous != detector) {
        problems.add("detectors must have distinct names but two different detectors are named " + detector.name());
      }
    }
    problems.addAll(retryPolicy.problems("retryPolicy"));
    problems.addAll(circuitBreakerPolicy.problems("circuitBreaker"));
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException("SyncEngine", problems);
    }
    byName.putIfAbsent(HashDiffDetector.NAME, HashDiffDetector.create());
    ChangeDetector incremental = incrementalDetector == null ? byName.get(HashDiffDetector.NAME) : incrementalDetector;
    EngineSettings settings = new EngineSettings(Objects.requireNonNull(source), Objects.requireNonNull(target),
        stateStore == null ? new InMemoryStateStore() : stateStore, batchSize, transformer, validator,
        conflictResolver, auditSinks, incremental, byName, deadLetterPolicy, clock, createMissingTables, retryPolicy,
        circuitBreakerPolicy, parallelism, jobTimeout, listeners, Redactor.of(sensitiveColumns));
    return new SyncEngine(settings, executor);
  }

  /**
   * How store calls that fail transiently are tried again. Default {@link RetryPolicy#defaults()};
   * {@link RetryPolicy#none()} turns retries off. Its values are checked by {@link #build()}.
   */
  public SyncEngineBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    return this;
  }

  /**
   * When the engine's circuit breaker of a store opens and closes again; the same policy serves the
   * source's, the target's and the state store's breaker. Default {@link CircuitBreakerPolicy#defaults()}.
   * Its values are checked by {@link #build()}.
   */
  public SyncEngineBuilder circuitBreaker(CircuitBreakerPolicy policy) {
    this.circuitBreakerPolicy = Objects.requireNonNull(policy, "circuitBreaker");
    return this;
  }

  /**
   * Marks columns of a table sensitive: their values never appear in clear in audit records (nor in
   * dead-letter reasons). Each value is replaced by {@code sha256:} and 32 hex digits of an
   * HMAC-SHA256 keyed with a random salt made when the engine is built, so equal values look equal in
   * one engine's records without being readable or guessable from a list of known values; a value
   * quoted in an event's details (such as a validator's reason) is replaced the same way. Key columns
   * may be sensitive: the audited key then holds the masks. Row events name the target table; name a
   * renamed table the way the target has it. A row that a transformer failed on is audited as read
   * from the source, so list a renamed column under both its source and its target name (names a row
   * does not have are ignored). Calls add up.
   *
   * @throws IllegalArgumentException if no column or a blank column name is given
   */
  public SyncEngineBuilder sensitiveColumns(TableId table, String... columns) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    if (columns.length == 0) {
      throw new IllegalArgumentException("sensitiveColumns of table " + table + " must name at least one column");
    }
    for (String column : columns) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("sensitiveColumns of table " + table + " must be non-blank column names");
      }
    }
    sensitiveColumns.computeIfAbsent(table, t -> new LinkedHashSet<>()).addAll(List.of(columns));
    return this;
  }
}
