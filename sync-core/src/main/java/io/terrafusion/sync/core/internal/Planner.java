package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.Transformer;
import io.terrafusion.sync.spi.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plans a job: finds each table at both ends, binds the transformer, builds the write schema and
 * checks that the two fit, collecting the violations of every table rather than stopping at the
 * first.
 */
final class Planner {
  /** The rule of the violation reported for a target table that does not exist. */
  static final String MISSING_TABLE = "missing-table";

  private final SourceStore source;
  private final TargetStore target;
  private final Transformer transformer;
  private final Validator validator;

  Planner(EngineSettings settings) {
    this.source = settings.source();
    this.target = settings.target();
    this.transformer = settings.transformer();
    this.validator = settings.validator();
  }

  JobPlan plan(List<TableId> requested) {
    List<TableId> ids = requested.isEmpty() ? source.tables() : requested;
    List<Violation> violations = new ArrayList<>();
    List<TableSchema> found = new ArrayList<>();
    for (TableId id : ids) {
      Optional<TableSchema> schema = source.table(id);
      if (schema.isEmpty()) {
        violations.add(new Violation(id, null, null, "unknown-table", "the source " + source.name() + " has no table " + id));
      } else {
        found.add(schema.get());
      }
    }
    Map<TableId, TablePlan> plans = new HashMap<>();
    List<TableSchema> missing = new ArrayList<>();
    for (TableSchema schema : found) {
      planTable(schema, violations, missing).ifPresent(p -> plans.put(schema.id(), p));
    }
    List<TablePlan> ordered = new ArrayList<>();
    for (TableSchema schema : TableOrder.parentsFirst(found)) {
      TablePlan plan = plans.get(schema.id());
      if (plan != null) {
        ordered.add(plan);
      }
    }
    return new JobPlan(ordered, TableOrder.referenced(found), violations, missing);
  }

  private Optional<TablePlan> planTable(TableSchema sourceSchema, List<Violation> violations,
      List<TableSchema> missing) {
    RowMapping mapping;
    try {
      mapping = transformer.bind(sourceSchema);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(sourceSchema.id(), null, null, "transformer", String.valueOf(e.getMessage())));
      return Optional.empty();
    }
    TableSchema mapped = mapping.schema();
    Optional<TableSchema> targetSchema = target.table(mapped.id());
    if (targetSchema.isEmpty()) {
      violations.add(new Violation(mapped.id(), null, null, MISSING_TABLE,
          "the target " + target.name() + " has no table " + mapped.id() + " for source table " + sourceSchema.id()));
      missing.add(mapped);
      return Optional.empty();
    }
    int before = violations.size();
    TableSchema write = writeSchema(mapped, targetSchema.get(), violations);
    // The engine's own structural checks and a validator's (such as Validators.schemaCompatibility)
    // overlap; report each rule broken at a column once.
    for (Violation v : validator.checkSchema(mapped, targetSchema.get()).violations()) {
      if (violations.subList(before, violations.size()).stream().noneMatch(seen -> sameFinding(seen, v))) {
        violations.add(v);
      }
    }
    return write == null || violations.size() > before
        ? Optional.empty()
        : Optional.of(new TablePlan(sourceSchema, mapping, write));
  }

  /** The target table projected onto the mapped columns, or null when they do not fit. */
  private static @Nullable TableSchema writeSchema(
      TableSchema mapped, TableSchema target, List<Violation> violations) {
    List<Column> columns = new ArrayList<>(mapped.columns().size());
    boolean fits = true;
    for (Column column : mapped.columns()) {
      Optional<Column> targetColumn = target.column(column.name());
      if (targetColumn.isEmpty()) {
        violations.add(new Violation(target.id(), null, column.name(), "missing-column",
            "the target table has no column " + column.name()));
        fits = false;
      } else {
        columns.add(targetColumn.get());
      }
    }
    if (!mapped.primaryKey().equals(target.primaryKey())) {
      violations.add(new Violation(target.id(), null, null, "key-mismatch",
          "the mapped primary key " + mapped.primaryKey() + " differs from the target's primary key "
              + target.primaryKey()));
      fits = false;
    }
    return fits ? new TableSchema(target.id(), columns, target.primaryKey(), target.foreignKeys()) : null;
  }

  private static boolean sameFinding(Violation a, Violation b) {
    return a.table().equals(b.table()) && a.rule().equals(b.rule()) && Objects.equals(a.column(), b.column());
  }
}
