package io.terrafusion.sync.api;

import java.util.List;

/**
 * A builder was given options that do not work, found all at once: the message lists every problem,
 * each naming the option and the rule, such as {@code batchSize must be > 0 but was -1}.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * An exception listing problems.
   *
   * @param what what was being configured, such as {@code SyncEngine}
   * @param problems one sentence per problem; at least one
   */
  public InvalidConfigurationException(String what, List<String> problems) {
    super("invalid " + what + " configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + "):\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
