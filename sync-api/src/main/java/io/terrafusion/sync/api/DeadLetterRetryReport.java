package io.terrafusion.sync.api;

import java.util.Objects;

/**
 * The outcome of a retry of dead letters: how many dead-lettered rows were tried again and what
 * became of them. Each retried row is counted once, whatever the number of its dead letters.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param job the report of the job that ran the retry, with the counts of each table (rows inserted,
 *     updated, deleted, dead-lettered again)
 * @param retried the rows (distinct keys) tried again
 * @param applied the rows that the target now holds as the source has them (written, deleted because
 *     the source no longer has them, or already equal); their dead letters are gone
 * @param stillFailing the rows refused again; each keeps one dead letter, with the new reason
 */
public record DeadLetterRetryReport(SyncReport job, long retried, long applied, long stillFailing) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a count is negative or {@code applied + stillFailing} is not
   *     {@code retried}
   */
  public DeadLetterRetryReport {
    Objects.requireNonNull(job, "job");
    if (retried < 0 || applied < 0 || stillFailing < 0 || applied + stillFailing != retried) {
      throw new IllegalArgumentException("counts must be >= 0 with applied + stillFailing = retried but were retried "
          + retried + ", applied " + applied + ", stillFailing " + stillFailing);
    }
  }
}
