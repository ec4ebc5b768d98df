package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.core.DeadLetterPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Applies a list of writes and, when the target refuses it for a data reason ({@link FailureKind#DATA}),
 * finds the rows at fault by splitting: the good rows are applied in few transactions (about two per
 * level of a binary split), each refused single row is dead-lettered, or fails the table under {@link
 * DeadLetterPolicy#FAIL}. A failure of another kind is not about rows and is thrown as it is. Unless
 * the rows are known suspects (a retry of dead letters), a search whose splitting met {@value
 * #GIVE_UP_AFTER} refused rows before the target took any row of the batch fails the table too: that points at the
 * table (a column it cannot take at all) rather than at rows, and would otherwise cost a transaction
 * per row. A smaller batch of only refused rows is dead-lettered, as a rerun after bad rows brings
 * those rows alone again. Used by one thread at a time.
 */
final class BadRowIsolation {
  /** Refused single rows after which a search that has applied nothing gives up. */
  static final int GIVE_UP_AFTER = 32;

  /** Records writes the target accepted: their base hashes and audit events. */
  @FunctionalInterface
  interface Applied {
    void record(long batch, List<PendingWrite> writes);
  }

  /** Applies writes of a batch to the target in one transaction, throwing if it refuses them. */
  @FunctionalInterface
  interface Write {
    void apply(long batch, List<PendingWrite> writes);
  }

  private final JobContext job;
  private final TablePlan plan;
  private final TableCounts counts;
  private final Write write;
  private final Applied applied;
  private final boolean suspects;
  private final RefusalReason reasons;

  /**
   * @param write applies writes to the target in one transaction, throwing if it refuses them
   * @param applied called after each accepted {@code write} with what it applied
   * @param suspects whether the rows were refused before, so that many refused rows are expected and
   *     the search never gives up
   */
  BadRowIsolation(JobContext job, TablePlan plan, TableCounts counts, Write write,
      Applied applied, boolean suspects) {
    this.job = job;
    this.plan = plan;
    this.counts = counts;
    this.write = write;
    this.applied = applied;
    this.suspects = suspects;
    this.reasons = new RefusalReason(plan, job.settings().target().name());
  }

  /** Applies the writes, setting aside those the target refuses for their values. */
  void apply(long batch, List<PendingWrite> writes) {
    Search search = new Search(batch);
    RuntimeException refusal = search.attempt(writes);
    if (refusal == null) {
      return;
    }
    search.isolate(writes, refusal);
    for (Refused row : search.refused) {
      deadLetter(batch, row);
    }
  }

  /** The search of one batch for its refused rows. */
  private final class Search {
    private final long batch;
    private final List<Refused> refused = new ArrayList<>();
    private boolean appliedAny;
    private boolean trustHints = true;
    private int refusedBySplit;

    Search(long batch) {
      this.batch = batch;
    }

    /** Applies writes in one transaction; returns the data failure that refused them, or null once applied. */
    @Nullable RuntimeException attempt(List<PendingWrite> writes) {
      try {
        write.apply(batch, writes);
      } catch (RuntimeException e) {
        if (FailureKind.of(e) != FailureKind.DATA) {
          throw e;
        }
        return e;
      }
      appliedAny = true;
      applied.record(batch, writes);
      return null;
    }

    /** Finds the refused rows among writes the target refused as a whole with {@code refusal}. */
    void isolate(List<PendingWrite> writes, RuntimeException refusal) {
      List<PendingWrite> rest = writes;
      RuntimeException failure = refusal;
      // A loop, not recursion: a store that names each failing row in turn leads through one step per
      // refused row, and a batch may hold thousands.
      while (failure != null) {
        if (rest.size() == 1) {
          refuse(rest.get(0), failure, true);
          return;
        }
        int hinted = trustHints ? indexOf(rest, hintedKey(failure)) : -1;
        if (hinted < 0) {
          split(rest);
          return;
        }
        // The store named the row: try it alone, then the others. A wrong name costs one
        // transaction, and the names of this store are not trusted again in this search.
        PendingWrite suspect = rest.get(hinted);
        RuntimeException alone = attempt(List.of(suspect));
        if (alone == null) {
          trustHints = false;
        } else {
          refuse(suspect, alone, false);
          // Named rows alone cannot tell a table that refuses every row from a batch with many bad
          // ones; splitting can, as it applies the good parts.
          trustHints = appliedAny || refused.size() < GIVE_UP_AFTER;
        }
        rest = new ArrayList<>(rest);
        rest.remove(hinted);
        failure = attempt(rest);
      }
    }

    /** Searches writes known to hold a refused row, in halves. */
    private void split(List<PendingWrite> writes) {
      List<PendingWrite> left = writes.subList(0, writes.size() / 2);
      List<PendingWrite> right = writes.subList(writes.size() / 2, writes.size());
      RuntimeException leftRefusal = attempt(left);
      if (leftRefusal != null) {
        isolate(left, leftRefusal);
        retry(right);
      } else if (right.size() > 1) {
        // The whole was refused and the left half went through, so the right half holds a refused
        // row: split it without trying it whole again.
        split(right);
      } else {
        retry(right);
      }
    }

    private void retry(List<PendingWrite> writes) {
      if (writes.isEmpty()) {
        return;
      }
      RuntimeException refusal = attempt(writes);
      if (refusal != null) {
        isolate(writes, refusal);
      }
    }

    /** @param bySplit whether splitting found the row, rather than the store naming it */
    private void refuse(PendingWrite write, RuntimeException refusal, boolean bySplit) {
      Refused row = new Refused(write, reasons.of(write.key(), write.row(), refusal), refusal);
      if (job.settings().deadLetterPolicy() == DeadLetterPolicy.FAIL) {
        throw new TableSyncException("row " + row.write().key() + " of table " + plan.targetId()
            + " was refused by the target and the dead-letter policy is FAIL: " + row.reason(), plan.targetId(),
            row.failure());
      }
      refused.add(row);
      refusedBySplit += bySplit ? 1 : 0;
      if (!suspects && !appliedAny && refusedBySplit >= GIVE_UP_AFTER) {
        Refused first = refused.get(0);
        throw new TableSyncException("the target refused " + refused.size() + " rows of a batch of table "
            + plan.targetId() + " tried on their own and took none of the batch, so the fault is not in particular"
            + " rows; the first, row " + first.write().key() + ": " + first.reason(), plan.targetId(), first.failure());
      }
    }
  }

  private void deadLetter(long batch, Refused row) {
    PendingWrite write = row.write();
    counts.deadLettered++;
    job.settings().stateStore().addDeadLetter(new DeadLetter(UUID.randomUUID().toString(), job.jobId(),
        plan.targetId(), write.key(), write.row(), row.reason(), job.settings().clock().instant()));
    job.audit().row(batch, AuditEventType.ROW_DEAD_LETTERED, plan.targetId(), write.key(), write.target(), write.row(),
        Map.of("reason", row.reason(), "change", write.kind().name()));
  }

  private static @Nullable RowKey hintedKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessException access && access.key() != null) {
        return access.key();
      }
    }
    return null;
  }

  private static int indexOf(List<PendingWrite> writes, @Nullable RowKey key) {
    if (key == null) {
      return -1;
    }
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** A write the target refused on its own, with the reason to keep. */
  private record Refused(PendingWrite write, String reason, RuntimeException failure) {}
}
