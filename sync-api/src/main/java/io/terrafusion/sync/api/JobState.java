package io.terrafusion.sync.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a job: {@code QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED}, and a queued job
 * may be cancelled before it runs. This enum is the one transition table.
 */
public enum JobState {
  /** Accepted, not yet running. */
  QUEUED,
  /** Running. */
  RUNNING,
  /** Finished with every table synced. */
  SUCCEEDED,
  /** Stopped on an error. */
  FAILED,
  /** Stopped on request, at a batch boundary. */
  CANCELLED;

  /** Whether no further transition is possible. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The states this state may move to. */
  public Set<JobState> next() {
    return switch (this) {
      case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
      case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
    };
  }

  /** Whether this state may move to {@code target}. */
  public boolean canMoveTo(JobState target) {
    return next().contains(target);
  }

  /**
   * Checks a transition.
   *
   * @return {@code target}
   * @throws IllegalStateException if the move is not allowed, naming both states
   */
  public JobState moveTo(JobState target) {
    if (!canMoveTo(target)) {
      throw new IllegalStateException("a job cannot move from " + this + " to " + target);
    }
    return target;
  }
}
