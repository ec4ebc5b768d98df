package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.DeadLetterPolicy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Maps and validates the changes of a batch, deciding for each key what the target should hold.
 * Rows the transformer fails on or the validator rejects are dead-lettered (or fail the table under
 * {@link DeadLetterPolicy#FAIL}). {@link #prepare} may run on the read-ahead thread while {@link #stage}
 * runs on the pass's own; otherwise used by one thread at a time.
 */
final class BatchStager {
  private final JobContext job;
  private final TablePlan plan;
  private final TableCounts counts;
  private final boolean recording;

  /**
   * @param recording whether this pass counts, audits and dead-letters what it meets; a second pass
   *     over the same rows only classifies them
   */
  BatchStager(JobContext job, TablePlan plan, TableCounts counts, boolean recording) {
    this.job = job;
    this.plan = plan;
    this.counts = counts;
    this.recording = recording;
  }

  /**
   * The staged changes of a batch, recording (counts, audit, dead letters) what staging met, in the
   * order of the changes; a batch given to {@link #prepare} before is not mapped again.
   *
   * @throws TableSyncException if the keys are out of order, the transformer changed a key or a row's
   *     columns, or a row was dead-lettered under {@link DeadLetterPolicy#FAIL}
   */
  List<Staged> stage(ChangeBatch batch) {
    Prepared prepared;
    synchronized (ahead) {
      prepared = ahead.remove(batch);
    }
    return (prepared == null ? prepared(batch) : prepared).record();
  }

  /**
   * Maps and validates a batch without recording anything, for {@link #stage} to record later: run
   * on the read-ahead thread, so that staging a batch overlaps writing the one before. May run on
   * another thread than {@link #stage}; never throws, a failure is kept for {@link #stage}.
   */
  void prepare(ChangeBatch batch) {
    Prepared prepared = prepared(batch);
    synchronized (ahead) {
      ahead.put(batch, prepared);
    }
  }

  private Prepared prepared(ChangeBatch batch) {
    List<Staged> staged = new ArrayList<>(batch.size());
    List<Runnable> effects = new ArrayList<>();
    RowKey previous = null;
    try {
      for (Change change : batch.changes()) {
        KeyOrder.requireAscending(plan.sourceId(), "source", previous, change.key());
        previous = change.key();
        staged.add(stage(batch.sequence(), change, effects));
      }
    } catch (RuntimeException e) {
      return new Prepared(staged, effects, e);
    }
    return new Prepared(staged, effects, null);
  }

  /**
   * A batch mapped and validated, and what staging met that is still to be recorded.
   *
   * @param failure what stopped staging after the changes in {@code staged}, thrown once the effects
   *     before it are recorded
   */
  private record Prepared(List<Staged> staged, List<Runnable> effects, @Nullable RuntimeException failure) {
    List<Staged> record() {
      effects.forEach(Runnable::run);
      if (failure != null) {
        throw failure;
      }
      return staged;
    }
  }

  private Staged stage(long batch, Change change, List<Runnable> effects) {
    RowKey key = change.key();
    Row source = change.after();
    if (change.kind() == ChangeKind.DELETE || source == null) {
      return new Staged(key, null, Staged.Fate.DROP);
    }
    Row mapped;
    try {
      mapped = plan.mapping().apply(source);
    } catch (RuntimeException e) {
      String reason = "transformer failed: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      effects.add(() -> deadLetter(batch, key, source, reason, "transformer", Map.of()));
      return new Staged(key, null, Staged.Fate.HOLD);
    }
    if (mapped == null) {
      effects.add(() -> filtered(batch, key));
      return new Staged(key, null, Staged.Fate.DROP);
    }
    checkShape(key, mapped);
    List<Violation> violations = job.settings().validator().validate(mapped, plan.write());
    if (!violations.isEmpty()) {
      String reason = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      String rules = violations.stream().map(Violation::rule).distinct().collect(Collectors.joining(","));
      effects.add(() -> deadLetter(batch, key, mapped, reason, rules, Map.of("violations", reason)));
      return new Staged(key, null, Staged.Fate.HOLD);
    }
    return new Staged(key, mapped, Staged.Fate.WRITE);
  }

  private void filtered(long batch, RowKey key) {
    if (recording) {
      counts.filtered++;
      job.audit().row(batch, AuditEventType.ROW_FILTERED, plan.targetId(), key, null, null, Map.of());
    }
  }

  private void checkShape(RowKey key, Row mapped) {
    if (!mapped.key().equals(key)) {
      throw new TableSyncException("the transformer of table " + plan.sourceId() + " changed key " + key + " to "
          + mapped.key() + "; a transformer must keep key values", plan.sourceId(), null);
    }
    if (mapped.layout() != checkedLayout && !mapped.layout().equals(plan.write().layout())) {
      throw new TableSyncException("the transformer of table " + plan.sourceId() + " returned row " + key
          + " with columns " + mapped.layout().columns() + " but its schema declares "
          + plan.write().layout().columns(), plan.sourceId(), null);
    }
    checkedLayout = mapped.layout();
  }

  private void deadLetter(long batch, RowKey key, @Nullable Row row, String reason, String rule,
      Map<String, String> rejection) {
    if (!recording) {
      return;
    }
    String redacted = job.audit().redact(plan.targetId(), row, reason);
    if (job.settings().deadLetterPolicy() == DeadLetterPolicy.FAIL) {
      throw new TableSyncException("row " + key + " of table " + plan.sourceId() + " broke rule " + rule
          + " and the dead-letter policy is FAIL: " + redacted, plan.sourceId(), null);
    }
    counts.deadLettered++;
    job.settings().stateStore().addDeadLetter(new DeadLetter(UUID.randomUUID().toString(), job.jobId(),
        plan.targetId(), key, row, redacted, job.settings().clock().instant()));
    if (!rejection.isEmpty()) {
      job.audit().row(batch, AuditEventType.ROW_REJECTED, plan.targetId(), key, null, row, rejection);
    }
    job.audit().row(batch, AuditEventType.ROW_DEAD_LETTERED, plan.targetId(), key, null, row, Map.of("reason", reason));
  }

  // Rows of a table share a few layout objects: one found equal to the schema's is not compared again.
  // Volatile: batches may be prepared on the read-ahead thread and staged on this one.
  private volatile @Nullable RowLayout checkedLayout;
  /** Batches prepared ahead and not yet staged: at most the one being staged and the one read ahead. */
  private final Map<ChangeBatch, Prepared> ahead = new IdentityHashMap<>();
}
