package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;

/**
 * One pass of a detector over one table: for every batch, stage, reconcile and apply it, then save
 * its checkpoint (never before the batch is durable): with the batch's last transaction when the state
 * store shares the target's database and every required audit sink records in that transaction, else
 * right after the audit flush. Cancellation is honoured between batches. Each batch is mapped and
 * validated on the read-ahead thread as it is read, while the batch before is written; what staging
 * met is recorded on this pass's thread, in batch order.
 */
final class TablePass {
  private final JobContext job;
  private final TablePlan plan;
  private final TableCounts counts;

  TablePass(JobContext job, TablePlan plan, TableCounts counts) {
    this.job = job;
    this.plan = plan;
    this.counts = counts;
  }

  /**
   * Runs the pass.
   *
   * @param resume whether to start from the saved checkpoint and save checkpoints as batches apply
   * @param upserts whether to write inserts and updates (this pass then also counts and dead-letters)
   * @param deletes whether to delete
   * @return false if the job was cancelled before the pass ended
   */
  boolean run(ChangeDetector detector, boolean resume, boolean upserts, boolean deletes) {
    Instant began = job.settings().clock().instant();
    try {
      return scan(detector, resume, upserts, deletes);
    } finally {
      counts.elapsed = counts.elapsed.plus(Duration.between(began, job.settings().clock().instant()));
    }
  }

  private boolean scan(ChangeDetector detector, boolean resume, boolean upserts, boolean deletes) {
    StateStore state = job.settings().stateStore();
    Checkpoint start = resume
        ? state.checkpoint(plan.sourceId(), detector.name()).orElse(Checkpoint.initial(plan.sourceId(), detector.name()))
        : Checkpoint.initial(plan.sourceId(), detector.name());
    BatchStager stager = new BatchStager(job, plan, counts, upserts);
    BatchWriter writer = new BatchWriter(job, plan, counts);
    Reconciler reconciler = new Reconciler(job, plan, counts, writer, upserts, deletes);
    try (ChangeStream stream = new ResumingStream(job.guard(),
        from -> new PrefetchingStream(detector.open(context(job, plan, from)), stager::prepare), start, resume)) {
      while (true) {
        if (job.control().cancelRequested()) {
          return false;
        }
        if (!stream.hasNext()) {
          return true;
        }
        ChangeBatch batch = stream.next();
        if (upserts) {
          counts.read += batch.size();
        }
        if (resume) {
          writer.carryCheckpoint(batch.checkpoint());
        }
        reconciler.reconcile(batch, stager.stage(batch));
        // The batch's audit records (filtered and dead-lettered rows too) are durable before a checkpoint
        // saved here; one that rode with the batch's last transaction committed with its rows.
        job.audit().flush();
        if (resume && !writer.checkpointCommitted()) {
          state.saveCheckpoint(batch.checkpoint());
        }
        stream.committed(batch);
        job.progress().batchApplied(plan, counts);
      }
    }
  }

  /**
   * What a detector is given for a table of a job, from the given checkpoint. The stores are the
   * unguarded ones: the detector's reads are retried as a whole, by reopening its stream.
   */
  static DetectionContext context(JobContext job, TablePlan plan, Checkpoint start) {
    return new DetectionContext(plan.source(), job.settings().source(), start, job.settings().batchSize(),
        job.guard().unguardedTarget(), plan.write(), plan.mapping().sourceColumns());
  }
}
