package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.spi.TargetStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares a staged batch with the target and queues the writes that make the target match it.
 *
 * <p>A snapshot batch is merged with the target's rows of the same key range, read in pages of the
 * batch size by key (no cursor stays open while the writer applies): a key only in the batch is
 * inserted, a key in both is updated when the values differ, a key only in the target is deleted.
 * A plain batch is compared with the target rows fetched by its keys. Used by one thread at a time.
 */
final class Reconciler {
  private final JobContext job;
  private final TablePlan plan;
  private final TableCounts counts;
  private final BatchWriter writer;
  private final boolean upserts;
  private final boolean deletes;
  private long batch;

  /**
   * @param upserts whether this pass writes inserts and updates (and counts unchanged rows)
   * @param deletes whether this pass deletes
   */
  Reconciler(JobContext job, TablePlan plan, TableCounts counts, BatchWriter writer, boolean upserts, boolean deletes) {
    this.job = job;
    this.plan = plan;
    this.counts = counts;
    this.writer = writer;
    this.upserts = upserts;
    this.deletes = deletes;
  }

  void reconcile(ChangeBatch changes, List<Staged> staged) {
    batch = changes.sequence();
    KeyRange range = changes.snapshotRange();
    if (range != null) {
      merge(range, staged);
    } else {
      compareByKey(staged);
    }
    writer.flush(batch);
  }

  private void merge(KeyRange range, List<Staged> staged) {
    TargetStore target = job.settings().target();
    int batchSize = job.settings().batchSize();
    int next = 0;
    RowKey after = range.after();
    RowKey lastTarget = null;
    while (true) {
      List<Row> page = target.read(plan.write(), new KeyRange(after, range.upTo()), batchSize);
      for (Row row : page) {
        RowKey key = row.key();
        KeyOrder.requireAscending(plan.targetId(), "target", lastTarget, key);
        if (!range.contains(key)) {
          throw new TableSyncException("the target store returned key " + key + " of table " + plan.targetId()
              + " outside the range " + range + " it was asked for", plan.targetId(), null);
        }
        lastTarget = key;
        while (next < staged.size() && staged.get(next).key().compareTo(key) < 0) {
          sourceOnly(staged.get(next++));
        }
        if (next < staged.size() && staged.get(next).key().equals(key)) {
          both(staged.get(next++), row);
        } else {
          targetOnly(row);
        }
      }
      boolean rangeDone = lastTarget != null && range.upTo() != null && lastTarget.compareTo(range.upTo()) >= 0;
      if (page.size() < batchSize || rangeDone) {
        break;
      }
      after = lastTarget;
    }
    while (next < staged.size()) {
      sourceOnly(staged.get(next++));
    }
  }

  private void compareByKey(List<Staged> staged) {
    List<RowKey> keys = staged.stream().map(Staged::key).toList();
    Map<RowKey, Row> current = new HashMap<>();
    for (Row row : job.settings().target().fetch(plan.write(), keys)) {
      current.put(row.key(), row);
    }
    for (Staged entry : staged) {
      Row row = current.get(entry.key());
      if (row == null) {
        sourceOnly(entry);
      } else {
        both(entry, row);
      }
    }
  }

  private void sourceOnly(Staged entry) {
    if (entry.fate() == Staged.Fate.WRITE && upserts) {
      write(ChangeKind.INSERT, entry.key(), null, entry.row());
    }
  }

  private void both(Staged entry, Row target) {
    switch (entry.fate()) {
      case WRITE -> {
        if (!upserts) {
          return;
        }
        Row row = Objects.requireNonNull(entry.row(), "row");
        if (row.sameValues(target)) {
          counts.unchanged++;
        } else {
          write(ChangeKind.UPDATE, entry.key(), target, row);
        }
      }
      case DROP -> targetOnly(target);
      case HOLD -> {
        // a dead-lettered row is set aside, not gone: its target row stays
      }
    }
  }

  private void targetOnly(Row target) {
    if (deletes) {
      write(ChangeKind.DELETE, target.key(), target, null);
    }
  }

  private void write(ChangeKind kind, RowKey key, @Nullable Row target, @Nullable Row row) {
    writer.add(batch, new PendingWrite(kind, key, target, row));
  }
}
