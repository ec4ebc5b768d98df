package io.terrafusion.sync.core;

import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.core.internal.EngineSettings;
import io.terrafusion.sync.core.internal.Orchestrator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.Optional;
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
 * <p>This class is immutable and thread-safe: jobs may be started from any thread and run
 * concurrently (on distinct tables; two jobs writing the same table at once are not coordinated).
 * {@link #close()} shuts down the executor the engine owns; it never closes the stores, sinks or
 * executor it was given.
 */
public final class SyncEngine implements AutoCloseable {
  private final EngineSettings settings;
  private final @Nullable Executor givenExecutor;
  private final @Nullable ExecutorService ownedExecutor;
  private final Orchestrator orchestrator;
  private final Map<String, EngineJob> jobs = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  SyncEngine(EngineSettings settings, @Nullable Executor executor) {
    this.settings = settings;
    this.givenExecutor = executor;
    this.ownedExecutor = executor == null ? WorkerThreads.newPool() : null;
    this.orchestrator = new Orchestrator(settings);
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
   */
  public SyncJob start(SyncRequest request) {
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed; build a new one to start jobs");
    }
    if (request.mode() == SyncMode.INCREMENTAL) {
      checkDetectors(request);
    }
    EngineJob job = new EngineJob(request, settings.stateStore(), settings.clock());
    jobs.put(job.id(), job);
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

  private void checkDetectors(SyncRequest request) {
    request.detectors().forEach((table, name) -> {
      if (!settings.detectors().containsKey(name)) {
        throw new IllegalArgumentException("the request chooses detector " + name + " for table " + table
            + " but the engine knows only " + new TreeSet<>(settings.detectors().keySet()));
      }
    });
  }
}
