package io.terrafusion.sync.core.state;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.StateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} held in memory: for tests, examples and jobs whose state need not outlive the
 * process. Everything is lost when the store is dropped.
 *
 * <p>This class is thread-safe: every method holds one lock for its duration, so each is atomic.
 * Memory grows with the number of base hashes (one per synced row), queued conflicts, dead letters
 * and jobs; nothing is evicted.
 *
 * <p>Paged methods throw {@link IllegalArgumentException} for a negative {@code offset} or a {@code
 * limit} below 1.
 */
public final class InMemoryStateStore implements StateStore {
  private final Object lock = new Object();
  private final Map<CheckpointId, Checkpoint> checkpoints = new HashMap<>();
  private final Map<TableId, Map<RowKey, RowHash>> baseHashes = new HashMap<>();
  private final Map<String, Conflict> conflicts = new LinkedHashMap<>();
  private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
  private final Map<String, SavedJob> jobs = new HashMap<>();
  private long jobSequence;

  /** An empty store. */
  public InMemoryStateStore() {}

  @Override
  public Optional<Checkpoint> checkpoint(TableId table, String detector) {
    CheckpointId id = new CheckpointId(table, detector);
    synchronized (lock) {
      return Optional.ofNullable(checkpoints.get(id));
    }
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    synchronized (lock) {
      checkpoints.put(new CheckpointId(checkpoint.table(), checkpoint.detector()), checkpoint);
    }
  }

  @Override
  public void clearCheckpoint(TableId table, String detector) {
    CheckpointId id = new CheckpointId(table, detector);
    synchronized (lock) {
      checkpoints.remove(id);
    }
  }

  @Override
  public Map<RowKey, RowHash> baseHashes(TableId table, Collection<RowKey> keys) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keys, "keys");
    Map<RowKey, RowHash> found = new HashMap<>();
    synchronized (lock) {
      Map<RowKey, RowHash> known = baseHashes.getOrDefault(table, Map.of());
      for (RowKey key : keys) {
        RowHash hash = known.get(key);
        if (hash != null) {
          found.put(key, hash);
        }
      }
    }
    return found;
  }

  @Override
  public void updateBaseHashes(TableId table, Map<RowKey, RowHash> written, Collection<RowKey> deleted) {
    Objects.requireNonNull(table, "table");
    Map<RowKey, RowHash> copy = Map.copyOf(written);
    List<RowKey> gone = List.copyOf(deleted);
    synchronized (lock) {
      Map<RowKey, RowHash> known = baseHashes.computeIfAbsent(table, t -> new HashMap<>());
      gone.forEach(known::remove);
      known.putAll(copy);
    }
  }

  @Override
  public void addConflict(Conflict conflict) {
    Objects.requireNonNull(conflict, "conflict");
    synchronized (lock) {
      conflicts.put(conflict.id(), conflict);
    }
  }

  @Override
  public List<Conflict> conflicts(@Nullable TableId table, int offset, int limit) {
    synchronized (lock) {
      return page(conflicts.values(), c -> table == null || c.table().equals(table), offset, limit);
    }
  }

  @Override
  public Optional<Conflict> conflict(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(conflicts.get(id));
    }
  }

  @Override
  public boolean removeConflict(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return conflicts.remove(id) != null;
    }
  }

  @Override
  public void addDeadLetter(DeadLetter deadLetter) {
    Objects.requireNonNull(deadLetter, "deadLetter");
    synchronized (lock) {
      deadLetters.put(deadLetter.id(), deadLetter);
    }
  }

  @Override
  public List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit) {
    synchronized (lock) {
      return page(deadLetters.values(), d -> table == null || d.table().equals(table), offset, limit);
    }
  }

  @Override
  public boolean removeDeadLetter(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return deadLetters.remove(id) != null;
    }
  }

  @Override
  public void saveJob(JobStatus status) {
    Objects.requireNonNull(status, "status");
    synchronized (lock) {
      SavedJob previous = jobs.get(status.jobId());
      long sequence = previous == null ? jobSequence++ : previous.sequence();
      jobs.put(status.jobId(), new SavedJob(status, sequence));
    }
  }

  @Override
  public Optional<JobStatus> job(String jobId) {
    Objects.requireNonNull(jobId, "jobId");
    synchronized (lock) {
      return Optional.ofNullable(jobs.get(jobId)).map(SavedJob::status);
    }
  }

  /** Jobs by submission time, most recent first; jobs submitted at the same instant, last saved first. */
  @Override
  public List<JobStatus> jobs(int offset, int limit) {
    List<SavedJob> sorted;
    synchronized (lock) {
      sorted = new ArrayList<>(jobs.values());
    }
    sorted.sort(Comparator.comparing((SavedJob j) -> j.status().submitted())
        .thenComparingLong(SavedJob::sequence)
        .reversed());
    return page(sorted, j -> true, offset, limit).stream().map(SavedJob::status).toList();
  }

  private static <T> List<T> page(Collection<T> items, Predicate<T> filter, int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
    return items.stream().filter(filter).skip(offset).limit(limit).toList();
  }

  private record CheckpointId(TableId table, String detector) {
    CheckpointId {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(detector, "detector");
    }
  }

  private record SavedJob(JobStatus status, long sequence) {}
}
