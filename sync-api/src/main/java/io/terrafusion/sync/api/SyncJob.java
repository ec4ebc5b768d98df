package io.terrafusion.sync.api;

import java.util.concurrent.CompletableFuture;

/**
 * A handle on a job started by the engine.
 *
 * <p>Implementations are thread-safe: any thread may read the status, wait on the result or cancel.
 */
public interface SyncJob {

  /** The job's unique id. */
  String id();

  /** A snapshot of the job's state and progress now. */
  JobStatus status();

  /**
   * The report, completed when the job ends in any terminal state. A failed or cancelled job
   * completes the future normally with a report that says so; the future completes exceptionally
   * only if the engine itself broke.
   */
  CompletableFuture<SyncReport> result();

  /**
   * Asks the job to stop. A queued job never runs; a running job stops at the next batch boundary,
   * leaving the target and the checkpoints consistent.
   *
   * @return true if this call moved the job towards CANCELLED, false if it had already ended
   */
  boolean cancel();
}
