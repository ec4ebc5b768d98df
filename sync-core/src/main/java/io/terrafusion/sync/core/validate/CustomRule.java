package io.terrafusion.sync.core.validate;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.util.List;
import java.util.function.Predicate;

/** A named per-row rule of one target table. */
final class CustomRule implements Validator {
  private final String name;
  private final TableId table;
  private final Predicate<Row> ok;
  private final String message;

  CustomRule(String name, TableId table, Predicate<Row> ok, String message) {
    this.name = name;
    this.table = table;
    this.ok = ok;
    this.message = message;
  }

  @Override
  public List<Violation> validate(Row row, TableSchema target) {
    if (!target.id().equals(table)) {
      return List.of();
    }
    String problem;
    try {
      if (ok.test(row)) {
        return List.of();
      }
      problem = message;
    } catch (RuntimeException e) {
      // A throwing rule rejects the row rather than the batch; the exception's message could hold values.
      problem = "the rule could not be evaluated: " + e.getClass().getName();
    }
    return List.of(new Violation(table, row.key(), null, name,
        "row " + row.key() + " of table " + table + " breaks rule " + name + ": " + problem));
  }
}
