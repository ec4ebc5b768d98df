package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job-level audit events: what a job was asked to do, how it ended, and validation runs. */
final class JobAudit {
  private static final Logger LOG = LoggerFactory.getLogger(JobAudit.class);

  private JobAudit() {}

  /** The details of JOB_STARTED: the initiator and every option that shapes the job's decisions. */
  static Map<String, String> started(EngineSettings settings, SyncRequest request) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("mode", request.mode().name());
    details.put("tables", request.tables().isEmpty() ? "*"
        : request.tables().stream().map(TableId::toString).collect(Collectors.joining(",")));
    details.put("initiator", request.initiator());
    details.put("detectors", request.detectors().isEmpty() ? "-" : new TreeMap<>(request.detectors().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))).toString());
    details.put("incrementalDetector", settings.incrementalDetector().name());
    details.put("batchSize", Integer.toString(settings.batchSize()));
    details.put("deadLetterPolicy", settings.deadLetterPolicy().name());
    details.put("conflictResolver", settings.conflictResolver().getClass().getName());
    details.put("createMissingTables", Boolean.toString(settings.createMissingTables()));
    details.put("auditSinks", settings.auditSinks().stream().map(s -> s.getClass().getSimpleName())
        .collect(Collectors.joining(",")));
    Map<String, String> sensitive = new TreeMap<>();
    settings.redactor().sensitive().forEach((table, columns) ->
        sensitive.put(table.toString(), columns.stream().sorted().collect(Collectors.joining("|"))));
    details.put("sensitiveColumns", sensitive.toString());
    return details;
  }

  /**
   * The exception's class and message (the engine's own messages name keys, never values), then each
   * cause's class and SQLState, without the cause's message, which may be a driver's quoting values.
   */
  static String summary(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage());
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(e);
    for (Throwable cause = e.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
      text.append("; caused by ").append(cause.getClass().getName());
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        text.append(" (SQLState ").append(sql.getSQLState()).append(')');
      }
    }
    return text.toString();
  }

  /**
   * Audits a job's end and flushes. A required sink's failure here turns a job that succeeded into a
   * failed one, since its record is incomplete; a job that already failed keeps its own reason.
   */
  static JobOutcome ended(AuditTrail audit, String jobId, JobOutcome outcome) {
    try {
      audit.job(switch (outcome.state()) {
        case SUCCEEDED -> AuditEventType.JOB_SUCCEEDED;
        case CANCELLED -> AuditEventType.JOB_CANCELLED;
        default -> AuditEventType.JOB_FAILED;
      }, outcome.failure() == null ? Map.of() : Map.of("reason", outcome.failure()));
      audit.flush();
      return outcome;
    } catch (RuntimeException e) {
      LOG.warn("job {}: the audit trail could not record its end", jobId, e);
      if (outcome.state() == JobState.FAILED) {
        return outcome;
      }
      return new JobOutcome(JobState.FAILED, e.getMessage(), e);
    }
  }

  /**
   * Runs a validation and audits its result as a VALIDATION event of its own job id ({@code
   * validation-<uuid>}), one per table with violations and one summary.
   */
  static ValidationReport validation(EngineSettings settings, SyncRequest request, String kind,
      Supplier<ValidationReport> run) {
    AuditTrail audit = new AuditTrail(settings.auditSinks(), "validation-" + UUID.randomUUID(), settings.clock(),
        settings.redactor());
    ValidationReport report = run.get();
    Map<TableId, List<Violation>> perTable = report.violations().stream()
        .collect(Collectors.groupingBy(Violation::table, LinkedHashMap::new, Collectors.toList()));
    perTable.forEach((table, violations) -> audit.table(AuditEventType.VALIDATION, table, Map.of(
        "kind", kind,
        "violations", Integer.toString(violations.size()),
        "rules", violations.stream().map(Violation::rule).distinct().sorted().collect(Collectors.joining(",")))));
    audit.job(AuditEventType.VALIDATION, Map.of(
        "kind", kind,
        "initiator", request.initiator(),
        "tables", request.tables().isEmpty() ? "*"
            : request.tables().stream().map(TableId::toString).collect(Collectors.joining(",")),
        "valid", Boolean.toString(report.isValid()),
        "violations", Integer.toString(report.violations().size())));
    audit.flush();
    return report;
  }
}
