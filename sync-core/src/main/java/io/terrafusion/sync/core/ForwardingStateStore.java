package io.terrafusion.sync.core;

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
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} that passes every call to another store, the delegate: a base for decorators
 * that count, observe or fail some calls of a state store and leave the rest alone. A subclass
 * overrides the methods it changes and calls {@code super} to reach the delegate.
 *
 * <p>Every method of the interface is forwarded, its default methods included ({@link
 * #checkpointWrite} and {@link #close()}), so a decorator does not silently fall back to a default
 * the delegate overrides. Each method forwards to the delegate's method of the same signature and to
 * no other method of this class: overriding {@link #saveCheckpoint} does not see the checkpoints
 * saved by writes that {@link #checkpointWrite} hands out; a decorator that must see both overrides
 * both.
 *
 * <p>Thread safety is the delegate's: this class keeps no state beyond the delegate. A subclass that
 * keeps state of its own guards it itself. Arguments are passed on unchecked, so bad input meets the
 * delegate's checks.
 */
public abstract class ForwardingStateStore implements StateStore {
  private final StateStore delegate;

  /**
   * A store that forwards to {@code delegate}.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingStateStore(StateStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store every call is forwarded to. */
  public StateStore delegate() {
    return delegate;
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

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
    return delegate.checkpointWrite(checkpoint, target);
  }
}
