package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SchemaMismatchException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One retry of dead letters, run as a job: for each dead-lettered key of the chosen target tables, the
 * current source row is read again and goes through the pipeline of a sync (transform, validate,
 * compare with the target, write with bad-row isolation). A row the source no longer has is deleted
 * at the target. The old dead letters of a key are removed only once its batch is through, so a row
 * refused again keeps exactly the one new letter with the new reason, and a failing retry leaves every
 * letter it did not settle. Letters of tables no source table maps to are left alone.
 *
 * <p>One instance serves one retry; not thread-safe.
 */
public final class DeadLetterRetry {
  /** The detector name in the checkpoints of retry batches, which are never saved. */
  private static final String NAME = "dead-letter-retry";
  private static final int PAGE = 1_000;

  private final EngineSettings settings;
  private final @Nullable TableId target;
  private final Planner planner;
  private long retried;
  private long stillFailing;

  /**
   * A retry of the dead letters of one target table, or of every table when {@code target} is null;
   * {@link Orchestrator#retryDeadLetters} runs it.
   */
  DeadLetterRetry(EngineSettings settings, @Nullable TableId target) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.target = target;
    this.planner = new Planner(settings);
  }

  /**
   * The source tables the retry syncs: those mapped to the target table, or none (meaning every
   * table) when the retry is of every table.
   *
   * @throws IllegalArgumentException if no source table maps to the target table
   */
  public List<TableId> sourceTables() {
    if (target == null) {
      return List.of();
    }
    List<TableId> sources = planner.plan(List.of()).tables().stream()
        .filter(plan -> plan.targetId().equals(target)).map(TablePlan::sourceId).toList();
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source table of " + settings.source().name() + " maps to target table "
          + target + ", so its dead letters cannot be retried");
    }
    return sources;
  }

  /** The details of the retry's JOB_STARTED audit event. */
  Map<String, String> started() {
    return Map.of("mode", NAME, "tables", target == null ? "*" : target.toString());
  }

  /** The rows (distinct keys) tried again so far. */
  public long retried() {
    return retried;
  }

  /** The rows refused again so far. */
  public long stillFailing() {
    return stillFailing;
  }

  /** Retries the letters of the given source tables (every table when empty); false if cancelled. */
  boolean run(JobContext job, List<TableId> sources) {
    JobPlan plan = planner.plan(sources);
    if (!plan.violations().isEmpty()) {
      throw new SchemaMismatchException(plan.violations());
    }
    for (TablePlan table : plan.tables()) {
      if (target != null && !table.targetId().equals(target)) {
        continue;
      }
      TableCounts counts = new TableCounts();
      job.audit().table(AuditEventType.TABLE_STARTED, table.sourceId(), Map.of("target", table.targetId().toString()));
      if (!retry(job, table, counts)) {
        return false;
      }
      Orchestrator.finish(job, table, counts);
    }
    return true;
  }

  private boolean retry(JobContext job, TablePlan table, TableCounts counts) {
    TreeMap<RowKey, List<String>> letters = letters(table.targetId());
    BatchStager stager = new BatchStager(job, table, counts, true);
    Reconciler reconciler = new Reconciler(job, table, counts, new BatchWriter(job, table, counts, true), true, true);
    List<RowKey> keys = new ArrayList<>(letters.keySet());
    long sequence = 0;
    for (int from = 0; from < keys.size(); from += settings.batchSize()) {
      if (job.control().cancelRequested()) {
        return false;
      }
      List<RowKey> chunk = keys.subList(from, Math.min(keys.size(), from + settings.batchSize()));
      ChangeBatch batch = batch(table, sequence++, chunk);
      long refusedBefore = counts.deadLettered;
      reconciler.reconcile(batch, stager.stage(batch));
      retried += chunk.size();
      stillFailing += counts.deadLettered - refusedBefore;
      chunk.forEach(key -> letters.get(key).forEach(job.settings().stateStore()::removeDeadLetter));
    }
    return true;
  }

  /** The ids of the dead letters of a table by key, in key order. */
  private TreeMap<RowKey, List<String>> letters(TableId table) {
    StateStore state = settings.stateStore();
    TreeMap<RowKey, List<String>> letters = new TreeMap<>();
    for (int offset = 0; ; offset += PAGE) {
      List<DeadLetter> page = state.deadLetters(table, offset, PAGE);
      page.forEach(letter -> letters.computeIfAbsent(letter.key(), k -> new ArrayList<>()).add(letter.id()));
      if (page.size() < PAGE) {
        return letters;
      }
    }
  }

  /** A batch of the current source rows of the keys: an upsert of each row there, a delete of each key gone. */
  private ChangeBatch batch(TablePlan table, long sequence, List<RowKey> keys) {
    Map<RowKey, Row> rows = new HashMap<>();
    settings.source().fetch(table.source(), keys).forEach(row -> rows.put(row.key(), row));
    List<Change> changes = new ArrayList<>(keys.size());
    for (RowKey key : keys) {
      Row row = rows.get(key);
      changes.add(row == null ? Change.delete(key, null) : Change.upsert(row));
    }
    return new ChangeBatch(table.sourceId(), sequence, changes, null, Checkpoint.initial(table.sourceId(), NAME));
  }
}
