package io.terrafusion.sync.testkit.watermark;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.core.ForwardingStateStore;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory state store that, while armed, cancels the job once it has saved a number of
 * checkpoints: the engine saves a checkpoint only after its batch is applied, and checks for
 * cancellation before the next batch, so the job stops with exactly that many batches applied.
 */
final class CancellingStateStore extends ForwardingStateStore {
  private volatile @Nullable CompletableFuture<SyncJob> armed;
  private volatile int remaining;

  CancellingStateStore() {
    super(new InMemoryStateStore());
  }

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
    super.saveCheckpoint(checkpoint);
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
}
