package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a job: its state, its request, its timing, the tables done so far, the failure if
 * it failed, and its live progress (rows read and written per table, rate, time left).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param jobId the job's id
 * @param state its state when the snapshot was taken
 * @param request what it was asked to do
 * @param submitted when it was accepted
 * @param started when it began running, or null while queued
 * @param finished when it ended, or null while not ended
 * @param tables reports of the tables finished so far
 * @param failure why it failed, or null
 * @param progress rows read and written so far, per table and in total, with rate and time left
 */
public record JobStatus(
    String jobId,
    JobState state,
    SyncRequest request,
    Instant submitted,
    @Nullable Instant started,
    @Nullable Instant finished,
    List<TableReport> tables,
    @Nullable String failure,
    JobProgress progress) {

  /** Validates the parts and copies the tables. */
  public JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(submitted, "submitted");
    tables = List.copyOf(tables);
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * A snapshot without progress ({@link JobProgress#none()}), for a job that has not run or whose
   * progress was not kept.
   */
  public JobStatus(String jobId, JobState state, SyncRequest request, Instant submitted, @Nullable Instant started,
      @Nullable Instant finished, List<TableReport> tables, @Nullable String failure) {
    this(jobId, state, request, submitted, started, finished, tables, failure, JobProgress.none());
  }
}
