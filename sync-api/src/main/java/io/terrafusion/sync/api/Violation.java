package io.terrafusion.sync.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule: a row that fails a check, or a schema that does not fit. Violations are results,
 * not exceptions; the engine decides by policy whether the row is dead-lettered or the job fails.
 *
 * <p>This record is immutable and thread-safe. Its message must not hold row values.
 *
 * @param table the table concerned
 * @param key the row's key, or null for a schema-level violation
 * @param column the column concerned, or null when the violation is not about one column
 * @param rule a short stable name of the rule, such as {@code not-null} or {@code missing-column}
 * @param message a sentence that says what is wrong
 */
public record Violation(TableId table, @Nullable RowKey key, @Nullable String column, String rule, String message) {

  /** Validates the parts. */
  public Violation {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** {@code table key column: message [rule]}, leaving out what is null. */
  @Override
  public String toString() {
    return table + (key == null ? "" : " " + key) + (column == null ? "" : " column " + column) + ": " + message
        + " [" + rule + "]";
  }
}
