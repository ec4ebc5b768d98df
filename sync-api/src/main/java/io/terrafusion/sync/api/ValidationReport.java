package io.terrafusion.sync.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a validation: the violations found, none when valid.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param violations the violations, in the order found
 */
public record ValidationReport(List<Violation> violations) {
  private static final ValidationReport OK = new ValidationReport(List.of());

  /** Copies the list. */
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /** A report of no violations. */
  public static ValidationReport ok() {
    return OK;
  }

  /** A report of the given violations. */
  public static ValidationReport of(List<Violation> violations) {
    return violations.isEmpty() ? OK : new ValidationReport(violations);
  }

  /** Whether no rule was broken. */
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** The violations of both reports. */
  public ValidationReport and(ValidationReport other) {
    if (other.isValid()) {
      return this;
    }
    if (isValid()) {
      return other;
    }
    List<Violation> all = new ArrayList<>(violations);
    all.addAll(other.violations);
    return new ValidationReport(all);
  }
}
