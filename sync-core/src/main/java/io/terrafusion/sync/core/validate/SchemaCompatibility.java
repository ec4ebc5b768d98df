package io.terrafusion.sync.core.validate;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks before a job that rows of the mapped source shape can be written to the target table. */
final class SchemaCompatibility implements Validator {

  @Override
  public ValidationReport checkSchema(TableSchema mapped, TableSchema target) {
    TableId table = target.id();
    List<Violation> found = new ArrayList<>();
    for (Column column : mapped.columns()) {
      Optional<Column> targetColumn = target.column(column.name());
      if (targetColumn.isEmpty()) {
        found.add(new Violation(table, null, column.name(), "missing-column", "column " + column.name()
            + " of the mapped table " + mapped.id() + " does not exist in target table " + table));
      } else {
        typeMismatch(table, column, targetColumn.get()).ifPresent(found::add);
      }
    }
    for (Column column : target.columns()) {
      if (!column.nullable() && mapped.layout().indexOf(column.name()) < 0) {
        found.add(new Violation(table, null, column.name(), "unfilled-not-null", "column " + column.name()
            + " of target table " + table + " is NOT NULL but the mapped table " + mapped.id()
            + " does not provide it"));
      }
    }
    if (!mapped.primaryKey().equals(target.primaryKey())) {
      found.add(new Violation(table, null, null, "key-mismatch", "primary key " + mapped.primaryKey()
          + " of the mapped table " + mapped.id() + " differs from primary key " + target.primaryKey()
          + " of target table " + table));
    }
    return ValidationReport.of(found);
  }

  /** Rows are not checked here; {@code rowConstraints()} does that. */
  @Override
  public List<Violation> validate(Row row, TableSchema target) {
    return List.of();
  }

  private static Optional<Violation> typeMismatch(TableId table, Column mapped, Column target) {
    TypeKind from = TypeKind.of(mapped.jdbcType());
    TypeKind to = TypeKind.of(target.jdbcType());
    if (from.fits(to)) {
      return Optional.empty();
    }
    return Optional.of(new Violation(table, null, mapped.name(), "type-mismatch", "column " + mapped.name()
        + " of target table " + table + " has type " + target.typeName() + " (" + to.label()
        + ") but the mapping gives it type " + mapped.typeName() + " (" + from.label() + ")"));
  }
}
