package io.terrafusion.sync.core;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.core.internal.JobControl;
import io.terrafusion.sync.core.internal.JobOutcome;
import io.terrafusion.sync.core.internal.Listeners;
import io.terrafusion.sync.core.internal.Orchestrator;
import io.terrafusion.sync.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job started by a {@link SyncEngine}. Every state change goes through {@link JobState#moveTo} and
 * is saved to the state store. Thread-safe: the state is guarded by this object's lock, and the
 * result future completes outside it.
 */
final class EngineJob implements SyncJob, JobControl {
  private static final Logger LOG = LoggerFactory.getLogger(EngineJob.class);

  private final String id = UUID.randomUUID().toString();
  private final SyncRequest request;
  private final StateStore stateStore;
  private final Clock clock;
  private final Instant submitted;
  private final CompletableFuture<SyncReport> result = new CompletableFuture<>();
  private final AtomicBoolean cancelRequested = new AtomicBoolean();

  private JobState state = JobState.QUEUED;
  private @Nullable Instant started;
  private @Nullable Instant finished;
  private final List<TableReport> tables = new ArrayList<>();
  private @Nullable String failure;
  private @Nullable Throwable cause;
  private final @Nullable Duration timeout;
  private final Listeners listeners;
  private final Map<TableId, TableProgress> progress = new LinkedHashMap<>();
  private @Nullable Instant deadline;
  private volatile boolean timedOut;

  EngineJob(SyncRequest request, StateStore stateStore, Clock clock, @Nullable Duration timeout, Listeners listeners) {
    this.request = request;
    this.stateStore = stateStore;
    this.clock = clock;
    this.timeout = timeout;
    this.listeners = listeners;
    this.submitted = clock.instant();
    synchronized (this) {
      save();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized JobStatus status() {
    return new JobStatus(id, state, request, submitted, started, finished, tables, failure, progress());
  }

  @Override
  public CompletableFuture<SyncReport> result() {
    return result;
  }

  @Override
  public boolean cancel() {
    SyncReport report;
    synchronized (this) {
      if (state == JobState.RUNNING) {
        return cancelRequested.compareAndSet(false, true);
      }
      if (state != JobState.QUEUED) {
        return false;
      }
      cancelRequested.set(true);
      started = clock.instant();
      report = end(new JobOutcome(JobState.CANCELLED, null, null));
    }
    result.complete(report);
    listeners.jobFinished(report);
    return true;
  }

  /** Whether the job was cancelled or its time limit has passed on the engine clock. */
  @Override
  public boolean cancelRequested() {
    return cancelRequested.get() || timedOut();
  }

  @Override
  public synchronized void tableFinished(TableReport report) {
    tables.add(report);
    save();
  }

  /** The exception the job failed on, or null. */
  synchronized @Nullable Throwable cause() {
    return cause;
  }

  /** Runs the job on the calling thread, unless it was cancelled while queued. */
  void run(Orchestrator orchestrator) {
    run(control -> orchestrator.run(id, request, control));
  }

  /** Runs the given work as this job on the calling thread, unless the job was cancelled while queued. */
  void run(Function<JobControl, JobOutcome> work) {
    synchronized (this) {
      if (state != JobState.QUEUED) {
        return;
      }
      state = state.moveTo(JobState.RUNNING);
      started = clock.instant();
      deadline = timeout == null ? null : started.plus(timeout);
      save();
    }
    listeners.jobStarted(id, request);
    try {
      finish(work.apply(this));
    } catch (RuntimeException | Error e) {
      // the orchestrator reports every sync failure as an outcome, so this is the engine itself
      // breaking: the job ends FAILED and the future completes exceptionally, as SyncJob promises
      synchronized (this) {
        if (!state.isTerminal()) {
          end(new JobOutcome(JobState.FAILED, "the engine failed: " + e.getClass().getName(), e));
        }
      }
      result.completeExceptionally(e);
      throw e;
    }
  }

  /** Ends a job that could not be run at all. */
  void reject(String reason, Throwable why) {
    finish(new JobOutcome(JobState.FAILED, reason, why));
  }

  private void finish(JobOutcome outcome) {
    SyncReport report;
    synchronized (this) {
      if (state.isTerminal()) {
        return;
      }
      if (started == null) {
        started = clock.instant();
      }
      report = end(outcome);
    }
    result.complete(report);
    listeners.jobFinished(report);
  }

  private SyncReport end(JobOutcome outcome) {
    state = state.moveTo(outcome.state());
    finished = clock.instant();
    failure = outcome.failure();
    cause = outcome.cause();
    save();
    Instant begun = started == null ? submitted : started;
    return new SyncReport(id, request.mode(), state, begun, finished, tables, failure);
  }

  @Override
  public synchronized void progress(TableProgress table) {
    progress.put(table.table(), table);
  }

  @Override
  public @Nullable String stopFailure() {
    return timedOut && !cancelRequested.get() ? "timed out after " + timeout : null;
  }

  private boolean timedOut() {
    if (!timedOut) {
      Instant limit;
      synchronized (this) {
        limit = deadline;
      }
      timedOut = limit != null && !clock.instant().isBefore(limit);
    }
    return timedOut;
  }

  /** The progress of every planned table, with the totals; called holding the lock. */
  private JobProgress progress() {
    Instant end = finished != null ? finished : clock.instant();
    Duration running = started == null ? Duration.ZERO : Duration.between(started, end);
    return JobProgress.of(List.copyOf(progress.values()), running, state.isTerminal());
  }

  private void save() {
    try {
      stateStore.saveJob(status());
    } catch (RuntimeException e) {
      LOG.warn("cannot save the status {} of job {} to the state store", state, id, e);
    }
  }
}
