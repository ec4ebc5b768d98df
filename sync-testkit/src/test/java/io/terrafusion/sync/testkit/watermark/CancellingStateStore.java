package io.terrafusion.sync.testkit.watermark;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.StateStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory state store that, while armed, cancels the job once it has saved a number of
 * checkpoints: the engine saves a checkpoint only after its batch is applied, and checks for
 * cancellation before the next batch, so the job stops with exactly that many batches applied.
 */
final class CancellingStateStore implements StateStore {
  private final InMemoryStateStore delegate = new InMemoryStateStore();
  private volatile @Nullable CompletableFuture<SyncJob> armed;
  private volatile int remaining;

  /** Cancels the job that the future completes with after that job's first saved checkpoint. */
  void cancelAfterFirstCheckpoint(CompletableFuture<SyncJob> job) {
    cancelAfterCheckpoints(1, job);
  }

  /** Cancels the job that the future completes with after it saved {@code count} checkpoints. */
  void cancelAfterCheckpoints(int count, CompletableFuture<SyncJob> job) {
    remaining = count;
    armed = job;
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    delegate.saveCheckpoint(checkpoint);
    CompletableFuture<SyncJob> job = armed;
    if (job != null && --remaining == 0) {
      armed = null;
      try {
        job.get(30, TimeUnit.SECONDS).cancel();
      } catch (Exception e) {
        throw new IllegalStateException("the job to cancel was never handed over", e);
      }
    }
  }

  @Override
  public Optional<Checkpoint> checkpoint(TableId table, String detector) {
    return delegate.checkpoint(table, detector);
  }

  @Override
  public void clearCheckpoint(TableId table, String detector) {
    delegate.clearCheckpoint(table, detector);
  }

  @Override
  public Map<RowKey, RowHash> baseHashes(TableId table, Collection<RowKey> keys) {
    return delegate.baseHashes(table, keys);
  }

  @Override
  public void updateBaseHashes(TableId table, Map<RowKey, RowHash> written, Collection<RowKey> deleted) {
    delegate.updateBaseHashes(table, written, deleted);
  }

  @Override
  public void addConflict(Conflict conflict) {
    delegate.addConflict(conflict);
  }

  @Override
  public List<Conflict> conflicts(@Nullable TableId table, int offset, int limit) {
    return delegate.conflicts(table, offset, limit);
  }

  @Override
  public Optional<Conflict> conflict(String id) {
    return delegate.conflict(id);
  }

  @Override
  public boolean removeConflict(String id) {
    return delegate.removeConflict(id);
  }

  @Override
  public void addDeadLetter(DeadLetter deadLetter) {
    delegate.addDeadLetter(deadLetter);
  }

  @Override
  public List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit) {
    return delegate.deadLetters(table, offset, limit);
  }

  @Override
  public boolean removeDeadLetter(String id) {
    return delegate.removeDeadLetter(id);
  }

  @Override
  public void saveJob(JobStatus status) {
    delegate.saveJob(status);
  }

  @Override
  public Optional<JobStatus> job(String jobId) {
    return delegate.job(jobId);
  }

  @Override
  public List<JobStatus> jobs(int offset, int limit) {
    return delegate.jobs(offset, limit);
  }
}
