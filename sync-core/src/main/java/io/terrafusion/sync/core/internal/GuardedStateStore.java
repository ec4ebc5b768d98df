package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.StateStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state store as a job sees it: every call under the job's guard. Each call is atomic on its
 * own (the SPI's promise), so one that failed transiently either took effect or did not, and trying
 * it again leaves the same state.
 */
final class GuardedStateStore implements StateStore {
  private static final String BREAKER = Resilience.STATE_STORE;

  private final StateStore delegate;
  private final JobGuard guard;

  GuardedStateStore(StateStore delegate, JobGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public Optional<Checkpoint> checkpoint(TableId table, String detector) {
    return guard.call(BREAKER, "read the checkpoint of " + table, () -> delegate.checkpoint(table, detector));
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    guard.run(BREAKER, "save the checkpoint of " + checkpoint.table(), () -> delegate.saveCheckpoint(checkpoint));
  }

  @Override
  public void clearCheckpoint(TableId table, String detector) {
    guard.run(BREAKER, "clear the checkpoint of " + table, () -> delegate.clearCheckpoint(table, detector));
  }

  @Override
  public Map<RowKey, RowHash> baseHashes(TableId table, Collection<RowKey> keys) {
    return guard.call(BREAKER, "read base hashes of " + table, () -> delegate.baseHashes(table, keys));
  }

  @Override
  public void updateBaseHashes(TableId table, Map<RowKey, RowHash> written, Collection<RowKey> deleted) {
    guard.run(BREAKER, "update base hashes of " + table, () -> delegate.updateBaseHashes(table, written, deleted));
  }

  @Override
  public void addConflict(Conflict conflict) {
    guard.run(BREAKER, "queue a conflict of " + conflict.table(), () -> delegate.addConflict(conflict));
  }

  @Override
  public List<Conflict> conflicts(@Nullable TableId table, int offset, int limit) {
    return guard.call(BREAKER, "list conflicts", () -> delegate.conflicts(table, offset, limit));
  }

  @Override
  public Optional<Conflict> conflict(String id) {
    return guard.call(BREAKER, "read a conflict", () -> delegate.conflict(id));
  }

  @Override
  public boolean removeConflict(String id) {
    return guard.call(BREAKER, "remove a conflict", () -> delegate.removeConflict(id));
  }

  @Override
  public void addDeadLetter(DeadLetter deadLetter) {
    guard.run(BREAKER, "keep a dead letter of " + deadLetter.table(), () -> delegate.addDeadLetter(deadLetter));
  }

  @Override
  public List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit) {
    return guard.call(BREAKER, "list dead letters", () -> delegate.deadLetters(table, offset, limit));
  }

  @Override
  public boolean removeDeadLetter(String id) {
    return guard.call(BREAKER, "remove a dead letter", () -> delegate.removeDeadLetter(id));
  }

  @Override
  public void saveJob(JobStatus status) {
    guard.run(BREAKER, "save the status of a job", () -> delegate.saveJob(status));
  }

  @Override
  public Optional<JobStatus> job(String jobId) {
    return guard.call(BREAKER, "read a job", () -> delegate.job(jobId));
  }

  @Override
  public List<JobStatus> jobs(int offset, int limit) {
    return guard.call(BREAKER, "list jobs", () -> delegate.jobs(offset, limit));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
