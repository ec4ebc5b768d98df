package io.terrafusion.sync.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bounded batch of changes of one table, in key order, with the checkpoint that holds once the
 * batch is applied.
 *
 * <p>A <em>snapshot</em> batch (one with a {@link #snapshotRange()}) holds the complete content of
 * the source in that key range: every target row in the range that the batch does not hold is to be
 * deleted. Full-sync detectors produce snapshot batches that together cover every key; incremental
 * detectors produce plain batches of individual changes.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table
 * @param sequence the batch's number within its detection run, from 0
 * @param changes the changes, in ascending key order, at most one per key
 * @param snapshotRange the key range this batch is the complete content of, or null
 * @param checkpoint where detection resumes once this batch is durable at the target
 */
public record ChangeBatch(
    TableId table, long sequence, List<Change> changes, @Nullable KeyRange snapshotRange, Checkpoint checkpoint) {

  /**
   * Validates and copies the changes.
   *
   * @throws IllegalArgumentException if the sequence is negative, or a snapshot change lies outside
   *     the snapshot range or is not an upsert
   */
  public ChangeBatch {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(checkpoint, "checkpoint");
    changes = List.copyOf(changes);
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0 but was " + sequence);
    }
    if (snapshotRange != null) {
      for (Change change : changes) {
        if (change.kind() != ChangeKind.UPSERT || !snapshotRange.contains(change.key())) {
          throw new IllegalArgumentException("snapshot batch " + sequence + " of " + table + " over " + snapshotRange
              + " holds a " + change.kind() + " of " + change.key() + "; only upserts inside the range belong");
        }
      }
    }
  }

  /** Whether this batch is the complete content of the source in its range. */
  public boolean isSnapshot() {
    return snapshotRange != null;
  }

  /** The number of changes. */
  public int size() {
    return changes.size();
  }
}
