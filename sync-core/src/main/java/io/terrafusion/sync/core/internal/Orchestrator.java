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

  /** An orchestrator of the given configuration. */
  public Orchestrator(EngineSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.planner = new Planner(settings);
    this.resilience = new Resilience(settings);
  }

  /** The states of the engine's circuit breakers: source, target, state store. */
  public List<CircuitBreakerStatus> circuitBreakers() {
    return resilience.statuses();
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
    AuditTrail audit = new AuditTrail(settings.auditSinks(), jobId, settings.clock(), settings.redactor());
    JobOutcome outcome;
    try {
      audit.job(AuditEventType.JOB_STARTED, JobAudit.started(settings, request));
      JobGuard guard = resilience.forJob(jobId, audit, control);
      boolean done = runTables(new JobContext(guard.settings(), jobId, audit, control, guard), request);
      outcome = new JobOutcome(done ? JobState.SUCCEEDED : JobState.CANCELLED, null, null);
    } catch (RetryCancelledException e) {
      outcome = new JobOutcome(JobState.CANCELLED, null, null);
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

  private boolean runTables(JobContext job, SyncRequest request) {
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
    Map<TableId, TableCounts> counts = new HashMap<>();
    List<TablePlan> deferredDeletes = new ArrayList<>();
    // Pass 1, parents first: inserts and updates of every table, so a child never refers to a parent
    // not yet written. A table that another selected table references keeps its deletes for pass 2:
    // deleting a parent row before the children that refer to it are gone would break the foreign key.
    for (TablePlan table : plan.tables()) {
      TableCounts tableCounts = new TableCounts();
      counts.put(table.sourceId(), tableCounts);
      job.audit().table(AuditEventType.TABLE_STARTED, table.sourceId(), Map.of("target", table.targetId().toString()));
      boolean deletesNow = mode == SyncMode.INCREMENTAL || !plan.referenced().contains(table.sourceId());
      ChangeDetector detector = mode == SyncMode.FULL ? fullDetector(job, table) : incrementalDetector(request, table);
      if (!new TablePass(job, table, tableCounts).run(detector, true, true, deletesNow)) {
        return false;
      }
      if (mode == SyncMode.FULL) {
        // Both full detectors' checkpoints go: one left by an interrupted earlier job would skip keys later.
        job.settings().stateStore().clearCheckpoint(table.sourceId(), FullScanDetector.NAME);
        job.settings().stateStore().clearCheckpoint(table.sourceId(), HashDiffDetector.NAME);
      }
      if (deletesNow) {
        finish(job, table, tableCounts);
      } else {
        deferredDeletes.add(0, table);
      }
    }
    // Pass 2, children first: a fresh scan of each referenced table that only deletes, now that the
    // children's deletes have run. It saves no checkpoints; a rerun scans again, deletes being idempotent.
    for (TablePlan table : deferredDeletes) {
      TableCounts tableCounts = counts.get(table.sourceId());
      ChangeDetector detector = comparesChecksums(job, table) ? hashDiff() : FullScanDetector.create();
      if (!new TablePass(job, table, tableCounts).run(detector, false, false, true)) {
        return false;
      }
      finish(job, table, tableCounts);
    }
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

  private static void finish(JobContext job, TablePlan table, TableCounts counts) {
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
  }
}
