package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.Resolution;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Collects the writes of one table and applies them in transactions of at most the batch size:
 * resolves conflicts against the base hashes (when the resolver detects conflicts), applies, then
 * records base hashes (only once the transaction succeeded). The row events of a transaction are made
 * before it: audit sinks in the target's database commit them with it, the others get them once it
 * committed. Rows the target refuses for their values are found and set aside by {@link
 * BadRowIsolation}. Used by one thread at a time.
 */
final class BatchWriter {
  private final JobContext job;
  private final TablePlan plan;
  private final TableCounts counts;
  private final List<PendingWrite> pending = new ArrayList<>();
  private final BadRowIsolation isolation;

  BatchWriter(JobContext job, TablePlan plan, TableCounts counts) {
    this(job, plan, counts, false);
  }

  /** @param suspects whether the rows were refused before (a retry of dead letters); see {@link BadRowIsolation} */
  BatchWriter(JobContext job, TablePlan plan, TableCounts counts, boolean suspects) {
    this.job = job;
    this.plan = plan;
    this.counts = counts;
    this.isolation = new BadRowIsolation(job, plan, counts, this::write, this::applied, suspects);
  }

  /**
   * Queues a write, first applying the queue when it holds the batch size so memory stays bounded.
   * Applying before queuing rather than after leaves the batch's last writes for {@link #flush}, so
   * that they can carry its checkpoint.
   */
  void add(long batch, PendingWrite write) {
    if (pending.size() >= job.settings().batchSize()) {
      applyQueue(batch);
    }
    pending.add(write);
  }

  /**
   * Applies every queued write in one transaction: the last of the detector batch, so the checkpoint
   * given to {@link #carryCheckpoint} rides along when the state store can join the transaction.
   */
  void flush(long batch) {
    carrying = true;
    try {
      applyQueue(batch);
    } finally {
      carrying = false;
      checkpoint = null;
    }
  }

  private void applyQueue(long batch) {
    if (pending.isEmpty()) {
      return;
    }
    if (!job.settings().conflictResolver().detectsConflicts()) {
      List<PendingWrite> writes = List.copyOf(pending);
      pending.clear();
      apply(batch, writes);
      return;
    }
    List<RowKey> keys = pending.stream().map(PendingWrite::key).toList();
    Map<RowKey, RowHash> bases = job.settings().stateStore().baseHashes(plan.targetId(), keys);
    List<PendingWrite> resolved = new ArrayList<>(pending.size());
    for (PendingWrite write : pending) {
      PendingWrite decided = decide(batch, write, bases.get(write.key()));
      if (decided != null) {
        resolved.add(decided);
      }
    }
    pending.clear();
    apply(batch, resolved);
  }

  /**
   * What to write for a row whose target has a base: the source's row when the target did not change
   * since, nothing while the target is the version a person kept over the very source row offered
   * again, else what the resolver decides.
   */
  private @Nullable PendingWrite decide(long batch, PendingWrite write, @Nullable RowHash base) {
    if (base == null || base.equals(hashOf(write.target()))) {
      return write;
    }
    if (RowHasher.keptTarget(base, write.target())) {
      if (RowHasher.declined(base, write.row())) {
        counts.unchanged++;
        return null;
      }
      return write;
    }
    return resolve(batch, write);
  }

  private @Nullable RowHash hashOf(@Nullable Row row) {
    return row == null ? null : RowHasher.hash(row);
  }

  private @Nullable PendingWrite resolve(long batch, PendingWrite write) {
    counts.conflicts++;
    Conflict conflict = new Conflict(UUID.randomUUID().toString(), plan.targetId(), write.key(), write.kind(),
        write.row(), write.target(), job.settings().clock().instant());
    job.audit().row(batch, AuditEventType.CONFLICT_DETECTED, plan.targetId(), write.key(), write.target(), write.row(),
        Map.of("conflictId", conflict.id(), "sourceChange", write.kind().name()));
    Resolution resolution = job.settings().conflictResolver().resolve(conflict);
    job.audit().row(batch, AuditEventType.CONFLICT_RESOLVED, plan.targetId(), write.key(), write.target(), write.row(),
        Map.of("conflictId", conflict.id(), "resolution", resolution.getClass().getSimpleName()));
    if (resolution instanceof Resolution.UseSource) {
      return write;
    }
    if (resolution instanceof Resolution.UseRow useRow) {
      return merged(write, useRow.row());
    }
    if (resolution instanceof Resolution.Defer) {
      job.settings().stateStore().addConflict(conflict);
    } else {
      // the target's row stays: remembered, so that the next sync does not find this conflict again
      job.settings().stateStore().updateBaseHashes(plan.targetId(),
          Map.of(write.key(), RowHasher.keepingTarget(write.target(), write.row())), List.of());
    }
    return null;
  }

  private PendingWrite merged(PendingWrite write, Row row) {
    if (!row.key().equals(write.key()) || !row.layout().equals(plan.write().layout())) {
      throw new TableSyncException("the conflict resolver returned a row for key " + write.key() + " of table "
          + plan.targetId() + " with key " + row.key() + " and columns " + row.layout().columns()
          + "; it must keep the key and the columns " + plan.write().layout().columns(), plan.targetId(), null);
    }
    return new PendingWrite(write.target() == null ? ChangeKind.INSERT : ChangeKind.UPDATE, write.key(),
        write.target(), row);
  }

  private void apply(long batch, List<PendingWrite> writes) {
    if (!writes.isEmpty()) {
      wholeQueue = true;
      isolation.apply(batch, writes);
    }
  }

  /** Applies writes to the target in one transaction: the one place the target's apply is called. */
  private void write(long batch, List<PendingWrite> writes) {
    List<Row> upserts = new ArrayList<>();
    List<RowKey> deletes = new ArrayList<>();
    for (PendingWrite write : writes) {
      Row row = write.row();
      if (row == null) {
        deletes.add(write.key());
      } else {
        upserts.add(row);
      }
    }
    boolean newRows = writes.stream().allMatch(w -> w.row() == null || w.kind() == ChangeKind.INSERT);
    // The row events are made before the apply, so that sinks in the target's database commit them with it.
    AuditTrail.Transaction audit = job.audit().join(rowEvents(batch, writes), job.guard().unguardedTarget());
    boolean committed = false;
    boolean rides = false;
    try {
      List<TransactionalWrite> alongside = new ArrayList<>(audit.writes());
      // Only the first attempt of a queue carries the checkpoint: once the target refused it and bad rows
      // are being isolated, no single part is the batch's last, so TablePass saves the checkpoint after.
      // Nor may it ride while a required audit sink records outside the transaction: TablePass then saves
      // it once that sink flushed.
      if (carrying && wholeQueue && checkpoint != null && audit.coversRequired()) {
        Optional<TransactionalWrite> save = job.settings().stateStore().checkpointWrite(checkpoint,
            job.settings().target());
        save.ifPresent(alongside::add);
        rides = save.isPresent();
      }
      wholeQueue = false;
      job.settings().target().apply(plan.write(), new WriteBatch(upserts, deletes, newRows), alongside);
      committed = true;
    } finally {
      if (!committed) {
        audit.rolledBack();
      }
    }
    checkpointCommitted |= rides;
    audit.committed();
  }

  private List<AuditEvent> rowEvents(long batch, List<PendingWrite> writes) {
    List<AuditEvent> events = new ArrayList<>(writes.size());
    for (PendingWrite write : writes) {
      AuditEventType type = switch (write.kind()) {
        case INSERT, UPSERT -> AuditEventType.ROW_INSERTED;
        case UPDATE -> AuditEventType.ROW_UPDATED;
        case DELETE -> AuditEventType.ROW_DELETED;
      };
      events.add(job.audit().rowEvent(batch, type, plan.targetId(), write.key(), write.target(), write.row()));
    }
    return events;
  }

  /** Records the base hashes and counts of writes the target accepted, and flushes the audit trail. */
  private void applied(long batch, List<PendingWrite> writes) {
    boolean tracking = job.settings().conflictResolver().detectsConflicts();
    Map<RowKey, RowHash> hashes = new HashMap<>();
    List<RowKey> deletes = new ArrayList<>();
    for (PendingWrite write : writes) {
      Row row = write.row();
      if (row == null) {
        deletes.add(write.key());
      } else if (tracking) {
        hashes.put(write.key(), RowHasher.hash(row));
      }
    }
    // Without tracking, the bases of the rows just written are stale: forget them, so that a resolver
    // that tracks again later does not take this sync's writes for changes made at the target.
    List<RowKey> forgotten = tracking ? deletes : writes.stream().map(PendingWrite::key).toList();
    job.settings().stateStore().updateBaseHashes(plan.targetId(), hashes, forgotten);
    for (PendingWrite write : writes) {
      switch (write.kind()) {
        case INSERT, UPSERT -> counts.inserted++;
        case UPDATE -> counts.updated++;
        case DELETE -> counts.deleted++;
      }
    }
    job.audit().flush();
  }

  // The checkpoint of the detector batch being reconciled, attached to the batch's last transaction.
  private @Nullable Checkpoint checkpoint;
  private boolean carrying;
  /** Whether the next write is a whole queue, not a part of one split to find refused rows. */
  private boolean wholeQueue;
  private boolean checkpointCommitted;

  /**
   * Gives the checkpoint that follows the detector batch about to be reconciled, to be committed with
   * the batch's last transaction (the next {@link #flush}) when the state store shares the target's
   * database and every required audit sink records in that transaction; {@link #checkpointCommitted}
   * then says whether it did.
   */
  void carryCheckpoint(Checkpoint next) {
    checkpoint = next;
    checkpointCommitted = false;
  }

  /** Whether the checkpoint last given to {@link #carryCheckpoint} was committed with the batch's writes. */
  boolean checkpointCommitted() {
    return checkpointCommitted;
  }
}
