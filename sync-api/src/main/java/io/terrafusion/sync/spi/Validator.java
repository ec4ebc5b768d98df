package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that what is about to be written fits: the schemas before a job, and each row during it.
 * A broken rule is a {@link Violation} returned, not an exception thrown; the engine dead-letters the
 * row or fails the job, by policy.
 *
 * <p>Implementations are thread-safe and fast: {@link #validate} runs for every row.
 */
public interface Validator {

  /**
   * Checks, before a job writes anything, that rows of {@code mapped} (the transformed source shape)
   * can be written to {@code target}.
   *
   * @return the schema-level violations, each naming table and column; none by default
   */
  default ValidationReport checkSchema(TableSchema mapped, TableSchema target) {
    return ValidationReport.ok();
  }

  /**
   * Checks one transformed row about to be written to {@code target}.
   *
   * @return the violations, or an empty list when the row is fine (return {@code List.of()}, which
   *     costs nothing)
   */
  List<Violation> validate(Row row, TableSchema target);

  /** The validator that accepts everything. */
  static Validator acceptAll() {
    return (row, target) -> List.of();
  }

  /** A validator that reports the violations of this one and of {@code other}. */
  default Validator and(Validator other) {
    Objects.requireNonNull(other, "other");
    Validator first = this;
    return new Validator() {
      @Override
      public ValidationReport checkSchema(TableSchema mapped, TableSchema target) {
        return first.checkSchema(mapped, target).and(other.checkSchema(mapped, target));
      }

      @Override
      public List<Violation> validate(Row row, TableSchema target) {
        List<Violation> a = first.validate(row, target);
        List<Violation> b = other.validate(row, target);
        if (b.isEmpty()) {
          return a;
        }
        if (a.isEmpty()) {
          return b;
        }
        List<Violation> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
      }
    };
  }
}
