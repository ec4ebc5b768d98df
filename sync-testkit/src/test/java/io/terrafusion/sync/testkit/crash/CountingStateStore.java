package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A state store that passes every call to another and counts the checkpoints saved on their own and
 * those handed out to be written in a target's transaction.
 */
final class CountingStateStore implements StateStore {
  private final StateStore delegate;
  final AtomicInteger savedAlone = new AtomicInteger();
  final AtomicInteger carried = new AtomicInteger();

  CountingStateStore(StateStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
    Optional<TransactionalWrite> write = delegate.checkpointWrite(checkpoint, target);
    write.ifPresent(w -> carried.incrementAndGet());
    return write;
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    savedAlone.incrementAndGet();
    delegate.saveCheckpoint(checkpoint);
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
