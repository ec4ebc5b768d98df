package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the engine remembers between runs: checkpoints, the base hash of each row as last written,
 * the queue of conflicts waiting for a person, dead letters, and job history.
 *
 * <p>One state store serves one pair of source and target. Implementations are thread-safe; each
 * method is atomic on its own.
 */
public interface StateStore extends AutoCloseable {

  /** The last checkpoint saved for a source table and detector. */
  Optional<Checkpoint> checkpoint(TableId table, String detector);

  /** Saves a checkpoint, replacing the previous one of its table and detector. */
  void saveCheckpoint(Checkpoint checkpoint);

  /** Forgets the checkpoint of a table and detector; the next run starts from the beginning. */
  void clearCheckpoint(TableId table, String detector);

  /**
   * The base hashes known for the given keys of a target table; keys with no base are absent.
   */
  Map<RowKey, RowHash> baseHashes(TableId table, Collection<RowKey> keys);

  /** Records the hashes of rows just written (replacing older ones) and forgets those of deleted keys. */
  void updateBaseHashes(TableId table, Map<RowKey, RowHash> written, Collection<RowKey> deleted);

  /** Queues a conflict for a person. */
  void addConflict(Conflict conflict);

  /** Queued conflicts, oldest first, of one table or of all when {@code table} is null. */
  List<Conflict> conflicts(@Nullable TableId table, int offset, int limit);

  /** A queued conflict by id. */
  Optional<Conflict> conflict(String id);

  /** Removes a queued conflict; returns whether it was there. */
  boolean removeConflict(String id);

  /** Keeps a dead letter. */
  void addDeadLetter(DeadLetter deadLetter);

  /** Dead letters, oldest first, of one table or of all when {@code table} is null. */
  List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit);

  /** Removes a dead letter; returns whether it was there. */
  boolean removeDeadLetter(String id);

  /** Records a job's status, replacing the previous record of the same job. */
  void saveJob(JobStatus status);

  /** A recorded job by id. */
  Optional<JobStatus> job(String jobId);

  /** Recorded jobs, most recently submitted first. */
  List<JobStatus> jobs(int offset, int limit);

  /** Releases resources. The engine does not close stores it was given. */
  @Override
  default void close() {}

  /**
   * A write that saves the checkpoint inside the transaction in which the target applies a batch, when
   * this store keeps its state in the same database as that target, so that the checkpoint commits
   * exactly when the batch does. Running the write has the effect of {@link #saveCheckpoint}.
   *
   * <p>The engine passes the write to {@link TargetStore#apply(io.terrafusion.sync.api.TableSchema,
   * WriteBatch, List)} with the last transaction of the batch the checkpoint follows, and saves the
   * checkpoint itself when it gets none. The default returns empty: a store in another database (or
   * in memory) cannot join the target's transaction.
   *
   * @param checkpoint the checkpoint to save
   * @param target the store that will apply the batch
   * @return the write, or empty when this store does not share a transaction with {@code target}
   */
  default Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(target, "target");
    return Optional.empty();
  }
}
