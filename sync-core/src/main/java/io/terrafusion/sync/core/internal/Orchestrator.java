package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.SchemaMismatchException;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.spi.ChangeDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs: plans the tables, syncs them in foreign-key order, and audits the job's course. Holds no
 * per-job state, so one orchestrator serves every job of an engine; thread-safe.
 */
public final class Orchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

  private final EngineSettings settings;
  private final Planner planner;
  private final Resilience resilience;
  private final Listeners listeners;

  /** An orchestrator of the given configuration, telling the given listeners how tables progress. */
  public Orchestrator(EngineSettings settings, Listeners listeners) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new Planner(settings);
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.resilience = new Resilience(settings);
  }

  /** The states of the engine's circuit breakers: source, target, state store. */
  public List<CircuitBreakerStatus> circuitBreakers() {
    return resilience.statuses();
  }

  /**
   * A retry of the dead letters of a target table, or of every table when {@code target} is null,
   * under the engine's retries and circuit breakers.
   */
  public DeadLetterRetry deadLetterRetry(@Nullable TableId target) {
    return new DeadLetterRetry(settings, target);
  }

  /** The pre-flight checks of a request, without writing anything. */
  public ValidationReport validate(SyncRequest request) {
    return JobAudit.validation(settings, request, "schema",
        () -> ValidationReport.of(planner.plan(request.tables()).violations()));
  }

  /**
   * The pre-flight checks of a request and, when they pass, a row-by-row comparison of each table's
   * transformed source with its target; writes nothing.
   */
  public ValidationReport compare(SyncRequest request) {
    return JobAudit.validation(settings, request, "compare", () -> comparison(request));
  }

  private ValidationReport comparison(SyncRequest request) {
    JobPlan plan = planner.plan(request.tables());
    if (!plan.violations().isEmpty()) {
      return ValidationReport.of(plan.violations());
    }
    DataComparison comparison = new DataComparison(settings.source(), settings.target(), settings.batchSize());
    List<Violation> differences = new ArrayList<>();
    plan.tables().forEach(table -> differences.addAll(comparison.compare(table)));
    return ValidationReport.of(differences);
  }

  /**
   * Runs a job to its end. Never throws for a failure of the sync itself: a failure, including one
   * of a store, ends the job FAILED with the reason in the outcome.
   */
  public JobOutcome run(String jobId, SyncRequest request, JobControl control) {
    return runJob(jobId, JobAudit.started(settings, request), control, (job, stopping) -> runTables(job, stopping, request));
  }

  /**
   * Runs a dead-letter retry as a job, as {@link #run} runs a sync: audited, under the engine's
   * retries and breakers, with the job's progress told to the listeners.
   */
  public JobOutcome retryDeadLetters(String jobId, DeadLetterRetry retry, List<TableId> sources, JobControl control) {
    return runJob(jobId, retry.started(), control, (job, stopping) -> retry.run(job, sources));
  }

  /** What a job does once its context is set up; false when it stopped before its end. */
  private interface JobBody {
    boolean run(JobContext job, StoppingControl control);
  }

  private JobOutcome runJob(String jobId, Map<String, String> started, JobControl control, JobBody body) {
    AuditTrail audit = new AuditTrail(settings.auditSinks(), jobId, settings.clock(), settings.redactor());
    StoppingControl stopping = new StoppingControl(control);
    ProgressBoard progress = new ProgressBoard(jobId, settings.clock(), stopping, listeners);
    JobOutcome outcome;
    try {
      audit.job(AuditEventType.JOB_STARTED, started);
      JobGuard guard = resilience.forJob(jobId, audit, stopping);
      boolean done = body.run(new JobContext(guard.settings(), jobId, audit, stopping, guard, progress), stopping);
      outcome = done ? new JobOutcome(JobState.SUCCEEDED, null, null) : stopped(control);
    } catch (RetryCancelledException e) {
      outcome = stopped(control);
    } catch (RuntimeException e) {
      // A driver's message deeper in the causes may quote row values, sensitive ones too: WARN names
      // the causes without their messages, and the whole trace is for DEBUG.
      LOG.warn("job {} failed: {}", jobId, JobAudit.summary(e));
      LOG.debug("job {} failed", jobId, e);
      String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      outcome = new JobOutcome(JobState.FAILED, reason, e);
    }
    return JobAudit.ended(audit, jobId, outcome);
  }

  /** The end of a job that stopped before its last batch: FAILED when a timeout stopped it, else CANCELLED. */
  private static JobOutcome stopped(JobControl control) {
    String stopFailure = control.stopFailure();
    return stopFailure == null ? new JobOutcome(JobState.CANCELLED, null, null)
        : new JobOutcome(JobState.FAILED, stopFailure, null);
  }

  private boolean runTables(JobContext job, StoppingControl control, SyncRequest request) {
    SyncMode mode = request.mode();
    // the job's own planner, whose schema reads are retried and counted by the breakers
    Planner jobPlanner = new Planner(job.guard().planning());
    JobPlan plan = jobPlanner.plan(request.tables());
    if (settings.createMissingTables() && !plan.missing().isEmpty()
        && plan.violations().stream().allMatch(v -> v.rule().equals(Planner.MISSING_TABLE))) {
      createMissing(job, plan.missing());
      plan = jobPlanner.plan(request.tables());
    }
    if (!plan.violations().isEmpty()) {
      throw new SchemaMismatchException(plan.violations());
    }
    job.progress().planned(plan.tables(), settings.source(), mode == SyncMode.FULL);
    Map<TableId, TableCounts> counts = new HashMap<>();
    plan.tables().forEach(t -> counts.put(t.sourceId(), new TableCounts()));
    // Pass 1, parents first: inserts and updates of every table, so a child never refers to a parent
    // not yet written. A table that another selected table references keeps its deletes for pass 2:
    // deleting a parent row before the children that refer to it are gone would break the foreign key.
    // Pass 2, children first: a fresh scan of each referenced table that only deletes, once the
    // children's deletes have run. TableSchedule orders the passes; tables may run side by side.
    return new ParallelTables(settings.parallelism(), control).run(TableSchedule.of(plan, mode), step -> {
      TableCounts tableCounts = counts.get(step.table().sourceId());
      try {
        return step.deferredDeletes()
            ? deletePass(job, step.table(), tableCounts)
            : mainPass(job, request, step, tableCounts);
      } catch (RuntimeException e) {
        // stopped before anyone hears of the failure, so that no table beside it starts another batch after
        control.stop();
        job.progress().failed(step.table(), tableCounts);
        throw e;
      }
    });
  }

  private boolean mainPass(JobContext job, SyncRequest request, TableSchedule.Step step, TableCounts tableCounts) {
    TablePlan table = step.table();
    SyncMode mode = request.mode();
    job.audit().table(AuditEventType.TABLE_STARTED, table.sourceId(), Map.of("target", table.targetId().toString()));
    job.progress().started(table);
    ChangeDetector detector = mode == SyncMode.FULL ? fullDetector(job, table) : incrementalDetector(request, table);
    if (!new TablePass(job, table, tableCounts).run(detector, true, true, !step.defersDeletes())) {
      return false;
    }
    if (mode == SyncMode.FULL) {
      // Both full detectors' checkpoints go: one left by an interrupted earlier job would skip keys later.
      job.settings().stateStore().clearCheckpoint(table.sourceId(), FullScanDetector.NAME);
      job.settings().stateStore().clearCheckpoint(table.sourceId(), HashDiffDetector.NAME);
    }
    if (!step.defersDeletes()) {
      finish(job, table, tableCounts);
    }
    return true;
  }

  /** A referenced table's deletes. It saves no checkpoints; a rerun scans again, deletes being idempotent. */
  private boolean deletePass(JobContext job, TablePlan table, TableCounts tableCounts) {
    ChangeDetector detector = comparesChecksums(job, table) ? hashDiff() : FullScanDetector.create();
    if (!new TablePass(job, table, tableCounts).run(detector, false, false, true)) {
      return false;
    }
    finish(job, table, tableCounts);
    return true;
  }

  /** Creates the missing target tables; only called when nothing else stops the job. */
  private void createMissing(JobContext job, List<TableSchema> missing) {
    for (TableSchema schema : missing) {
      job.settings().target().createTable(schema);
      LOG.info("job {}: created table {} at {} from the mapped source schema", job.jobId(), schema.id(),
          settings.target().name());
      job.audit().table(AuditEventType.VALIDATION, schema.id(), Map.of(
          "action", "create-table",
          "target", settings.target().name(),
          "columns", Integer.toString(schema.columns().size())));
    }
  }

  private ChangeDetector incrementalDetector(SyncRequest request, TablePlan table) {
    String chosen = request.detectors().get(table.sourceId());
    ChangeDetector detector = chosen == null ? settings.incrementalDetector() : settings.detectors().get(chosen);
    if (detector == null) {
      throw new IllegalStateException("the request chooses detector " + chosen + " for table " + table.sourceId()
          + " but the engine has none of that name");
    }
    return detector;
  }

  /**
   * The detector of a full job's table: the hash-diff when the stores compare checksums, so that only
   * differing segments are read. The plain scan stays for an empty target, where checksums cost time
   * for nothing, and to resume a scan an interrupted job left.
   */
  private ChangeDetector fullDetector(JobContext job, TablePlan table) {
    boolean scanToResume = job.settings().stateStore().checkpoint(table.sourceId(), FullScanDetector.NAME).isPresent();
    if (!scanToResume && comparesChecksums(job, table)
        && !job.settings().target().read(table.write(), KeyRange.all(), 1).isEmpty()) {
      return hashDiff();
    }
    return FullScanDetector.create();
  }

  private boolean comparesChecksums(JobContext job, TablePlan table) {
    Checkpoint start = Checkpoint.initial(table.sourceId(), HashDiffDetector.NAME);
    return hashDiff().comparesChecksums(TablePass.context(job, table, start));
  }

  /** The engine's hash-diff detector, so that its tunables apply to full jobs too. */
  private HashDiffDetector hashDiff() {
    return settings.detectors().get(HashDiffDetector.NAME) instanceof HashDiffDetector configured
        ? configured : HashDiffDetector.create();
  }

  static void finish(JobContext job, TablePlan table, TableCounts counts) {
    var report = counts.toReport(table);
    job.audit().table(AuditEventType.TABLE_FINISHED, table.sourceId(), Map.of(
        "inserted", Long.toString(report.inserted()),
        "updated", Long.toString(report.updated()),
        "deleted", Long.toString(report.deleted()),
        "unchanged", Long.toString(report.unchanged()),
        "filtered", Long.toString(report.filtered()),
        "deadLettered", Long.toString(report.deadLettered()),
        "conflicts", Long.toString(report.conflicts())));
    job.control().tableFinished(report);
    job.progress().finished(table, counts, report);
  }
}
