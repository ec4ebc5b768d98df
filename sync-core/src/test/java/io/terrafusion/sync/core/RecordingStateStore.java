package io.terrafusion.sync.core;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.StateStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A state store that notes the state of every job status saved, and otherwise delegates. */
final class RecordingStateStore implements StateStore {
  private final StateStore delegate;
  private final List<JobState> saved;

  RecordingStateStore(StateStore delegate, List<JobState> saved) {
    this.delegate = delegate;
    this.saved = saved;
  }

  @Override
  public void saveJob(JobStatus status) {
    synchronized (saved) {
      if (saved.isEmpty() || saved.get(saved.size() - 1) != status.state()) {
        saved.add(status.state());
      }
    }
    delegate.saveJob(status);
  }

  @Override
  public Optional<Checkpoint> checkpoint(TableId table, String detector) {
    return delegate.checkpoint(table, detector);
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    delegate.saveCheckpoint(checkpoint);
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
  public List<Conflict> conflicts(TableId table, int offset, int limit) {
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
  public List<DeadLetter> deadLetters(TableId table, int offset, int limit) {
    return delegate.deadLetters(table, offset, limit);
  }

  @Override
  public boolean removeDeadLetter(String id) {
    return delegate.removeDeadLetter(id);
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
