package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.validate.Validators;
import io.terrafusion.sync.spi.Validator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The reason kept for a row the target refused: the store's failure (table, SQLState, vendor code;
 * stores keep values out of it) and, where the row check can tell, the column at fault with its
 * source and target types, since database messages name neither reliably. Never holds values.
 */
final class RefusalReason {
  private final TablePlan plan;
  private final String targetName;
  private final Validator rowCheck = Validators.rowConstraints();

  RefusalReason(TablePlan plan, String targetName) {
    this.plan = plan;
    this.targetName = targetName;
  }

  String of(RowKey key, @Nullable Row row, RuntimeException refusal) {
    String message = refusal.getMessage() == null ? refusal.getClass().getName() : refusal.getMessage();
    String reason = "table " + plan.targetId() + " row " + key + " refused by " + targetName + ": " + message;
    if (row == null) {
      return reason;
    }
    List<Violation> violations = rowCheck.validate(row, plan.write());
    if (violations.isEmpty()) {
      return reason;
    }
    return reason + "; " + violations.stream().map(this::explain).collect(Collectors.joining("; "));
  }

  private String explain(Violation violation) {
    String column = violation.column();
    if (column == null) {
      return violation.message();
    }
    String target = column(plan.write().columns(), column).map(RefusalReason::type).orElse("unknown");
    String source = sourceColumn(column).map(RefusalReason::type).orElse("none (computed)");
    return "column " + column + ", source type " + source + ", target type " + target + ": " + violation.message()
        + " [" + violation.rule() + "]";
  }

  /** The source column a write column is copied from, by the mapping's declaration or else by name. */
  private Optional<Column> sourceColumn(String writeColumn) {
    List<String> declared = plan.mapping().sourceColumns();
    List<Column> mapped = plan.mapping().schema().columns();
    String name = writeColumn;
    for (int i = 0; i < mapped.size() && i < declared.size(); i++) {
      if (mapped.get(i).name().equals(writeColumn)) {
        name = declared.get(i);
      }
    }
    return column(plan.source().columns(), name);
  }

  private static Optional<Column> column(List<Column> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static String type(Column column) {
    if (column.size() <= 0) {
      return column.typeName();
    }
    return column.typeName() + "(" + column.size() + (column.scale() > 0 ? "," + column.scale() : "") + ")";
  }
}
