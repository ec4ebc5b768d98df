package io.terrafusion.sync.core;

import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.DeadLetterRetryReport;
import io.terrafusion.sync.api.JobConflictException;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.core.internal.DeadLetterRetry;
import io.terrafusion.sync.core.internal.EngineSettings;
import io.terrafusion.sync.core.internal.Listeners;
import io.terrafusion.sync.core.internal.Orchestrator;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the tables of a source database in step with a target database. Built once with {@link
 * #builder()}, then used for any number of jobs:
 *
 * <pre>{@code
 * try (SyncEngine engine = SyncEngine.builder().source(source).target(target).build()) {
 *   SyncReport report = engine.run(SyncRequest.full());
 * }
 * }</pre>
 *
 * <p>A full job compares every selected table of the source with the target and makes the target
 * equal to the transformed source: inserts, updates of rows whose values differ, deletes of rows the
 * source lacks, in foreign-key order. Rows a transformer drops are deleted at the target; rows that
 * fail mapping or validation are dead-lettered (or fail the job, by {@link DeadLetterPolicy}) and
 * their target rows are left alone. A row changed at the target since the last sync is a conflict,
 * decided by the {@link io.terrafusion.sync.spi.ConflictResolver}. Every batch is applied in one
 * transaction and its checkpoint saved only after, so an interrupted full job resumes where it
 * stopped. When both stores compute {@linkplain io.terrafusion.sync.spi.SegmentChecksums segment
 * checksums} of the same algorithm and the table's mapping carries values unchanged, a full job
 * into a non-empty table compares checksums first ({@link
 * io.terrafusion.sync.core.detect.HashDiffDetector}) and reads only the segments that differ.
 *
 * <p>An incremental job finds changes with a {@link io.terrafusion.sync.spi.ChangeDetector}: the one
 * the request chooses for a table, else the builder's {@code incrementalDetector}, by default the
 * hash-diff detector (a full comparison by checksums, which needs nothing installed at the source).
 *
 * <p>A job syncs its tables one after the other, or up to {@link SyncEngineBuilder#parallelism}
 * at once in foreign-key order; it stops at a batch boundary when cancelled or when its {@link
 * SyncEngineBuilder#jobTimeout} passes, and reports its live progress through {@link
 * io.terrafusion.sync.api.JobStatus#progress()} and the {@link io.terrafusion.sync.spi.SyncListener}s.
 *
 * <p>This class is immutable and thread-safe: jobs may be started from any thread and run
 * concurrently on distinct tables; {@link #start} refuses a job that wants a table a queued or
 * running job of this engine syncs (jobs of other engine instances are not coordinated).
 * {@link #close()} shuts down the executor the engine owns; it never closes the stores, sinks or
 * executor it was given.
 */
public final class SyncEngine implements AutoCloseable {
  private final EngineSettings settings;
  private final @Nullable Executor givenExecutor;
  private final @Nullable ExecutorService ownedExecutor;
  private final Orchestrator orchestrator;
  private final Listeners listeners;
  private final Map<String, EngineJob> jobs = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  SyncEngine(EngineSettings settings, @Nullable Executor executor) {
    this.settings = settings;
    this.givenExecutor = executor;
    this.ownedExecutor = executor == null ? WorkerThreads.newPool() : null;
    this.listeners = new Listeners(settings.listeners());
    this.orchestrator = new Orchestrator(settings, listeners);
  }

  /** A builder with every option at its default. */
  public static SyncEngineBuilder builder() {
    return new SyncEngineBuilder();
  }

  /**
   * A builder holding this engine's options, to derive a variant. The variant shares this engine's
   * stores (the state store included, defaulted or not), sinks and given executor; when this engine
   * owns its executor, the variant gets one of its own.
   */
  public SyncEngineBuilder toBuilder() {
    return new SyncEngineBuilder(settings, givenExecutor);
  }

  /**
   * Starts a job and returns at once. The job runs on the engine's executor; follow it through the
   * handle.
   *
   * @throws IllegalStateException if the engine is closed
   * @throws IllegalArgumentException if the request chooses a detector the engine does not know
   * @throws JobConflictException if a queued or running job of this engine syncs any of the
   *     requested tables (a request of no tables wants every table); it names that job
   */
  public SyncJob start(SyncRequest request) {
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed; build a new one to start jobs");
    }
    if (request.mode() == SyncMode.INCREMENTAL) {
      checkDetectors(request);
    }
    EngineJob job;
    // the check and the registration are one step, so two concurrent starts cannot both pass
    synchronized (jobs) {
      checkOverlap(request);
      job = new EngineJob(request, settings.stateStore(), settings.clock(), settings.jobTimeout(), listeners);
      jobs.put(job.id(), job);
    }
    try {
      executor().execute(() -> job.run(orchestrator));
    } catch (RejectedExecutionException e) {
      job.reject("the executor refused the job: " + e.getMessage(), e);
    }
    return job;
  }

  /**
   * Runs a job on the engine's executor and waits, uninterruptibly, for its end.
   *
   * @return the report of the job, which SUCCEEDED
   * @throws JobFailedException if the job ended FAILED or CANCELLED; it carries the report
   * @throws IllegalStateException as {@link #start}
   */
  public SyncReport run(SyncRequest request) {
    EngineJob job = (EngineJob) start(request);
    SyncReport report;
    try {
      report = job.result().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (report.state() != JobState.SUCCEEDED) {
      throw new JobFailedException(report, job.cause());
    }
    return report;
  }

  /** A job this engine started, by id, while the engine lives. */
  public Optional<SyncJob> job(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * The jobs this engine started and that have not ended (queued or running), oldest first. A
   * snapshot: jobs may end or start right after.
   */
  public List<SyncJob> activeJobs() {
    return jobs.values().stream()
        .filter(j -> !j.status().state().isTerminal())
        .sorted(Comparator.comparing((EngineJob j) -> j.status().submitted()))
        .map(SyncJob.class::cast)
        .toList();
  }

  /** The source store the engine reads, for health checks and tooling; the engine does not own it. */
  public SourceStore source() {
    return settings.source();
  }

  /**
   * The target store the engine writes, for health checks and tooling (such as resolving a queued
   * conflict by hand); the engine does not own it.
   */
  public TargetStore target() {
    return settings.target();
  }

  /**
   * The state store of the engine (the one given, or the in-memory default): job history, the
   * conflict queue, dead letters and checkpoints.
   */
  public StateStore stateStore() {
    return settings.stateStore();
  }

  /**
   * Runs only the pre-flight checks of a request: that every table exists at both ends, the
   * transformer binds, the mapped columns and primary key fit the target, and the validator accepts
   * the schemas. Writes nothing.
   *
   * @throws io.terrafusion.sync.api.DataAccessException if a store cannot be read
   */
  public ValidationReport validate(SyncRequest request) {
    Objects.requireNonNull(request, "request");
    return orchestrator.validate(request);
  }

  /**
   * Runs the pre-flight checks of a request, as {@link #validate}, and when they pass compares the
   * rows of each table: the transformed source page by page against the same key range of the
   * target. Each row that differs is a violation naming the target table and key (never values):
   * {@code row-missing} at the target, {@code row-extra} at the target, {@code row-differs}, or
   * {@code row-unmappable} when the transformer refuses the source row; after the first 100 of a
   * table, one {@code more-differences} violation counts the rest. Reads every selected row of both
   * ends, in memory bounded by the batch size; writes nothing.
   *
   * @throws io.terrafusion.sync.api.DataAccessException if a store cannot be read
   */
  public ValidationReport compare(SyncRequest request) {
    Objects.requireNonNull(request, "request");
    return orchestrator.compare(request);
  }

  /**
   * Stops accepting jobs, asks running and queued jobs to cancel (they stop at their next batch
   * boundary), and shuts down the executor the engine owns. Stores, sinks and a given executor are
   * left open. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    jobs.values().forEach(EngineJob::cancel);
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  private Executor executor() {
    return ownedExecutor != null ? ownedExecutor : Objects.requireNonNull(givenExecutor, "executor");
  }

  private void checkOverlap(SyncRequest request) {
    for (EngineJob other : jobs.values()) {
      JobStatus status = other.status();
      if (status.state().isTerminal()) {
        continue;
      }
      List<TableId> held = status.request().tables();
      if (held.isEmpty() || request.tables().isEmpty()) {
        throw new JobConflictException(other.id(), held.isEmpty() ? request.tables() : held);
      }
      List<TableId> shared = held.stream().filter(request.tables()::contains).toList();
      if (!shared.isEmpty()) {
        throw new JobConflictException(other.id(), shared);
      }
    }
  }

  private void checkDetectors(SyncRequest request) {
    request.detectors().forEach((table, name) -> {
      if (!settings.detectors().containsKey(name)) {
        throw new IllegalArgumentException("the request chooses detector " + name + " for table " + table
            + " but the engine knows only " + new TreeSet<>(settings.detectors().keySet()));
      }
    });
  }

  /**
   * The engine's circuit breakers, one per store, in this order: {@code source}, {@code target},
   * {@code stateStore}. They are shared by all jobs of the engine; an open one makes calls to its
   * store fail fast (see {@link CircuitBreakerPolicy}). A snapshot: breakers may change right after.
   */
  public List<CircuitBreakerStatus> circuitBreakers() {
    return orchestrator.circuitBreakers();
  }

  /**
   * The dead letters of a target table, or of every table when {@code table} is null, oldest first:
   * rows that a transformer or validator refused, or that the target refused to write, each with its
   * reason. A row refused in several jobs may have a letter of each; a {@linkplain #retryDeadLetters
   * retry} leaves one per row still refused.
   *
   * @param table a target table, or null for all
   * @param offset how many letters to skip; must be >= 0
   * @param limit the most letters to return; must be > 0
   * @throws IllegalArgumentException if {@code offset < 0} or {@code limit <= 0}
   */
  public List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
    return settings.stateStore().deadLetters(table, offset, limit);
  }

  /**
   * Tries the dead-lettered rows of a target table (or of every table when {@code table} is null)
   * again, once their cause is fixed, and waits for the end. Runs as a job on the calling thread, so
   * it shows in the job history (initiator {@code dead-letter retry}) and holds its source tables as
   * any job does. For each dead-lettered key, the current source row is read and goes through the
   * same pipeline as a sync: transformer, validator, comparison with the target, write with bad-row
   * isolation. A row written, or already equal at the target, loses its dead letters; a key the
   * source no longer has is deleted at the target and loses its letters; a row refused again keeps
   * one letter with the new reason (the old ones go), or fails the job under {@link
   * DeadLetterPolicy#FAIL}. Letters of target tables that no source table maps to are left alone.
   *
   * @param table a target table, or null for all
   * @return what became of the retried rows
   * @throws IllegalStateException if the engine is closed
   * @throws IllegalArgumentException if no source table maps to {@code table}
   * @throws JobConflictException if a queued or running job of this engine syncs a source table of
   *     the retry (a retry of every table overlaps any job)
   * @throws JobFailedException if the retry failed (a store failed, a schema does not fit, a row was
   *     refused under the FAIL policy) or was cancelled; the letters it had not settled stay
   */
  public DeadLetterRetryReport retryDeadLetters(@Nullable TableId table) {
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed; build a new one to retry dead letters");
    }
    DeadLetterRetry retry = orchestrator.deadLetterRetry(table);
    List<TableId> sources = retry.sourceTables();
    SyncRequest request = new SyncRequest(SyncMode.INCREMENTAL, sources, "dead-letter retry");
    EngineJob job;
    synchronized (jobs) {
      checkOverlap(request);
      job = new EngineJob(request, settings.stateStore(), settings.clock(), settings.jobTimeout(), listeners);
      jobs.put(job.id(), job);
    }
    job.run(control -> orchestrator.retryDeadLetters(job.id(), retry, sources, control));
    SyncReport report = job.result().join();
    if (report.state() != JobState.SUCCEEDED) {
      throw new JobFailedException(report, job.cause());
    }
    return new DeadLetterRetryReport(report, retry.retried(), retry.retried() - retry.stillFailing(),
        retry.stillFailing());
  }
}
