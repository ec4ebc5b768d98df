package io.terrafusion.sync.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The source and target schemas do not fit, found before the job wrote anything: a missing table or
 * column, a NOT NULL target column the source cannot fill, a type that cannot hold the source's
 * values.
 */
public final class SchemaMismatchException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** An exception listing every violation found. */
  public SchemaMismatchException(List<Violation> violations) {
    super("schema check failed with " + violations.size() + " problem(s):\n  "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")),
        violations.isEmpty() ? null : violations.get(0).table(), null);
    this.violations = List.copyOf(violations);
  }

  /** The violations, each naming its table and column. */
  public List<Violation> violations() {
    return violations;
  }
}
