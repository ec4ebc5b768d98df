package io.terrafusion.sync.core.http;

import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of jobs, conflicts and violations, as maps for Jackson to write. */
final class JobViews {
  /**
   * What a failure text must not show: exception class names, stack frames, object identities, SQL
   * statements, URLs and secrets. The engine's own messages name tables, keys and SQLStates only, but
   * a failure may come from any store's exception message.
   */
  private static final Pattern UNSAFE = Pattern.compile(
      "(?i:exception|password|passwd|secret|token|jdbc:|://)|\\bat [\\w$.]+\\(|@[0-9a-f]{5,}"
          + "|\\b(?:SELECT|INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|COPY|LOAD DATA)\\b");
  static final String HIDDEN_FAILURE = "the job failed; the service log has the details";

  private JobViews() {}

  /**
   * A job with its progress. Rows so far are the rows the detectors read (for a job kept without live
   * progress, every row a finished table compared or wrote); the rate is rows per second of elapsed
   * time; the time left comes from the sources' row estimates where they have them, else from the
   * tables done when the request names its tables. Each planned table shows its own progress and
   * phase, FAILED for the table a failed job stopped on.
   */
  static Map<String, @Nullable Object> job(JobStatus status, Instant now) {
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("jobId", status.jobId());
    view.put("state", status.state().name());
    view.put("mode", status.request().mode().name());
    view.put("requestedTables", status.request().tables().stream().map(TableId::toString).toList());
    view.put("initiator", status.request().initiator());
    view.put("submitted", status.submitted().toString());
    view.put("started", text(status.started()));
    view.put("finished", text(status.finished()));
    view.put("failure", safe(status.failure()));
    view.put("progress", progress(status, now));
    view.put("tables", status.tables().stream().map(JobViews::table).toList());
    return view;
  }

  static Map<String, @Nullable Object> conflict(Conflict conflict) {
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("id", conflict.id());
    view.put("table", conflict.table().toString());
    view.put("key", JsonValues.out(conflict.key()));
    view.put("sourceChange", conflict.sourceChange().name());
    view.put("source", JsonValues.out(conflict.source()));
    view.put("target", JsonValues.out(conflict.target()));
    view.put("detectedAt", conflict.detectedAt().toString());
    return view;
  }

  static Map<String, @Nullable Object> violation(Violation violation) {
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("key", violation.key() == null ? null : JsonValues.out(violation.key()));
    view.put("column", violation.column());
    view.put("rule", violation.rule());
    view.put("message", violation.message());
    return view;
  }

  private static Map<String, @Nullable Object> progress(JobStatus status, Instant now) {
    JobProgress live = status.progress();
    long rows = live.tables().isEmpty() ? finishedRows(status) : live.rowsRead();
    Duration elapsed = status.started() == null ? Duration.ZERO
        : Duration.between(status.started(), status.finished() == null ? now : status.finished());
    double seconds = Math.max(elapsed.toNanos(), 0) / 1e9;
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("rows", rows);
    view.put("inserted", live.inserted());
    view.put("updated", live.updated());
    view.put("deleted", live.deleted());
    view.put("unchanged", live.unchanged());
    view.put("deadLettered", live.deadLettered());
    view.put("tablesDone", status.tables().size());
    view.put("tablesTotal", !live.tables().isEmpty() ? Integer.valueOf(live.tables().size())
        : status.request().tables().isEmpty() ? null : Integer.valueOf(status.request().tables().size()));
    view.put("elapsedMillis", elapsed.toMillis());
    view.put("rowsPerSecond", seconds > 0 ? rows / seconds : null);
    view.put("estimatedRows", live.estimatedRows());
    view.put("estimatedMillisLeft", timeLeft(status, elapsed));
    view.put("tables", live.tables().stream().map(JobViews::tableProgress).toList());
    return view;
  }

  /** Rows a finished table compared or wrote, for a job whose live progress was not kept. */
  private static long finishedRows(JobStatus status) {
    long rows = 0;
    for (TableReport t : status.tables()) {
      rows += t.changed() + t.unchanged() + t.filtered() + t.deadLettered();
    }
    return rows;
  }

  /**
   * Zero once ended; else the job's estimate from the sources' row estimates and the rate; else, when
   * the request names its tables, the elapsed time per table done times the tables left.
   */
  private static @Nullable Long timeLeft(JobStatus status, Duration elapsed) {
    if (status.state().isTerminal()) {
      return 0L;
    }
    if (status.progress().remaining() != null) {
      return status.progress().remaining().toMillis();
    }
    int total = status.request().tables().size();
    int done = status.tables().size();
    if (total == 0 || done == 0) {
      return null;
    }
    return elapsed.toMillis() * Math.max(total - done, 0) / done;
  }

  private static Map<String, @Nullable Object> tableProgress(TableProgress t) {
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("table", t.table().toString());
    view.put("phase", t.phase().name());
    view.put("rowsRead", t.rowsRead());
    view.put("inserted", t.inserted());
    view.put("updated", t.updated());
    view.put("deleted", t.deleted());
    view.put("unchanged", t.unchanged());
    view.put("deadLettered", t.deadLettered());
    view.put("rowsPerSecond", t.rowsPerSecond());
    view.put("estimatedRows", t.estimatedRows());
    view.put("estimatedMillisLeft", t.remaining() == null ? null : t.remaining().toMillis());
    return view;
  }

  private static Map<String, Object> table(TableReport t) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("table", t.table().toString());
    view.put("target", t.target().toString());
    view.put("inserted", t.inserted());
    view.put("updated", t.updated());
    view.put("deleted", t.deleted());
    view.put("unchanged", t.unchanged());
    view.put("filtered", t.filtered());
    view.put("deadLettered", t.deadLettered());
    view.put("conflicts", t.conflicts());
    view.put("elapsedMillis", t.elapsed().toMillis());
    return view;
  }

  static List<Map<String, @Nullable Object>> jobs(List<JobStatus> statuses, Instant now) {
    List<Map<String, @Nullable Object>> views = new ArrayList<>();
    statuses.forEach(s -> views.add(job(s, now)));
    return views;
  }

  private static @Nullable String safe(@Nullable String failure) {
    return failure == null || !UNSAFE.matcher(failure).find() ? failure : HIDDEN_FAILURE;
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
