package io.terrafusion.sync.core.validate;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.Validator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The built-in validators. Every violation they report names the table, the column where there is
 * one, and the row's key for row checks; messages never hold row values.
 *
 * <p>The validators are thread-safe. Factory arguments are checked when the factory is called
 * ({@link NullPointerException} for null, {@link IllegalArgumentException} for a bad value).
 */
public final class Validators {
  private Validators() {}

  /**
   * The schema check run before a job: {@link io.terrafusion.sync.spi.Validator#checkSchema} reports
   *
   * <ul>
   *   <li>{@code missing-column}: a mapped column the target table lacks;
   *   <li>{@code unfilled-not-null}: a NOT NULL target column the mapping does not provide (the
   *       check cannot see column defaults, so a NOT NULL column with a default is reported too);
   *   <li>{@code key-mismatch}: primary keys that differ in columns or order;
   *   <li>{@code type-mismatch}: a column whose mapped and target types are of different kinds
   *       (number, text, temporal, binary, boolean). All numeric types are one kind, so integer into
   *       decimal or float passes; so does text into a shorter varchar: values that do not fit are a
   *       row check's business. Types the check cannot judge ({@code OTHER}, arrays) always pass.
   * </ul>
   *
   * <p>Per row it reports nothing.
   */
  public static Validator schemaCompatibility() {
    return new SchemaCompatibility();
  }

  /**
   * The row check: for each column of the row that the target table has,
   *
   * <ul>
   *   <li>{@code not-null}: NULL in a NOT NULL column;
   *   <li>{@code type}: a value whose Java type does not fit the column's JDBC type, such as a
   *       {@code String} in an {@code INTEGER} column. Accepted forms are those of {@link
   *       io.terrafusion.sync.api.CanonicalValues}: integer types take integral numbers (a {@code
   *       BigDecimal} without fraction included), decimal and float types any number, text types
   *       {@code String}, binary types {@code byte[]} or {@code UUID}, {@code DATE} {@code
   *       LocalDate}, {@code TIME} {@code LocalTime}, {@code TIMESTAMP} {@code LocalDateTime},
   *       {@code TIMESTAMP WITH TIME ZONE} {@code Instant}, {@code OffsetDateTime} or {@code
   *       ZonedDateTime}, {@code BOOLEAN} {@code Boolean}; {@code OTHER} and unlisted types take
   *       anything;
   *   <li>{@code length}: a string longer, in code points, than a {@code CHAR}/{@code VARCHAR}
   *       column's size (when the size is &gt; 0);
   *   <li>{@code numeric-overflow}: a number with more integer digits than a {@code DECIMAL}'s
   *       precision and scale allow, an exact number with more fraction digits than its scale (a
   *       {@code Double} is rounded by the database instead), a non-finite number in a {@code
   *       DECIMAL}, or an integer outside the range of {@code SMALLINT}, {@code INTEGER} or {@code
   *       BIGINT} ({@code TINYINT}: -128 to 255).
   * </ul>
   *
   * <p>At most one violation per column. The checks are planned once per target schema and row layout
   * (cached by identity), and a valid row costs no allocation: the result is then {@code List.of()}.
   * The schema check reports columns the target lacks; this check skips them.
   */
  public static Validator rowConstraints() {
    return new RowConstraints();
  }

  /** {@link #schemaCompatibility()} and {@link #rowConstraints()} together. */
  public static Validator defaults() {
    return schemaCompatibility().and(rowConstraints());
  }

  /**
   * A custom per-row rule for the rows written to one target table. A row that {@code ok} rejects
   * gets one violation with rule {@code name} and a message naming the table, the row's key, the rule
   * and {@code message}. If {@code ok} throws, the row is rejected as well, the message naming the
   * exception's class (not its message, which could hold values).
   *
   * @param name the rule's short stable name, such as {@code positive-amount}
   * @param table the target table whose rows to check; rows of other tables pass
   * @param ok whether a row is fine; must be thread-safe and must not put values in the message
   * @param message says what is wrong with a rejected row; must not hold row values
   * @throws IllegalArgumentException if {@code name} or {@code message} is blank
   */
  public static Validator rule(String name, TableId table, Predicate<Row> ok, String message) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(ok, "ok");
    Objects.requireNonNull(message, "message");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    return new CustomRule(name, table, ok, message);
  }
}
