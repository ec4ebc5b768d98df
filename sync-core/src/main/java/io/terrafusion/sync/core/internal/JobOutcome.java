package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.JobState;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a job ended.
 *
 * @param state the terminal state
 * @param failure why it failed, or null
 * @param cause the exception it failed on, or null
 */
public record JobOutcome(JobState state, @Nullable String failure, @Nullable Throwable cause) {

  /** Checks that the state is terminal. */
  public JobOutcome {
    Objects.requireNonNull(state, "state");
    if (!state.isTerminal()) {
      throw new IllegalArgumentException("an outcome needs a terminal state but was " + state);
    }
  }
}
