package io.terrafusion.sync.core.validate;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks each row's values against the target columns of the same names: NOT NULL, Java type, text
 * length, numeric precision and range. The checks are planned once per pair of row layout and target
 * schema, looked up by identity (the engine reuses both objects for every row of a table).
 */
final class RowConstraints implements Validator {
  /** Bounds the cache should a caller build a fresh schema per row; plans are cheap to rebuild. */
  private static final int MAX_PLANS = 256;

  private final Map<PlanKey, Plan> plans = new ConcurrentHashMap<>();
  private volatile @Nullable Plan last;

  @Override
  public List<Violation> validate(Row row, TableSchema target) {
    Plan plan = planFor(row.layout(), target);
    List<Violation> found = null;
    for (ColumnCheck check : plan.checks()) {
      Violation violation = check.check(row, target.id());
      if (violation != null) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(violation);
      }
    }
    return found == null ? List.of() : Collections.unmodifiableList(found);
  }

  private Plan planFor(RowLayout layout, TableSchema target) {
    Plan recent = last;
    if (recent != null && recent.layout() == layout && recent.target() == target) {
      return recent;
    }
    PlanKey key = new PlanKey(layout, target);
    Plan plan = plans.get(key);
    if (plan == null) {
      if (plans.size() >= MAX_PLANS) {
        plans.clear();
      }
      plan = plans.computeIfAbsent(key, k -> plan(layout, target));
    }
    last = plan;
    return plan;
  }

  /** Columns the target lacks are left to the schema check ({@code missing-column}). */
  private static Plan plan(RowLayout layout, TableSchema target) {
    List<ColumnCheck> checks = new ArrayList<>(layout.size());
    for (int i = 0; i < layout.size(); i++) {
      Optional<Column> column = target.column(layout.column(i));
      if (column.isPresent()) {
        checks.add(ColumnCheck.of(i, column.get()));
      }
    }
    return new Plan(layout, target, checks.toArray(ColumnCheck[]::new));
  }

  private record Plan(RowLayout layout, TableSchema target, ColumnCheck[] checks) {}

  /** A cache key comparing its parts by identity: equal schemas built apart get plans of their own. */
  private static final class PlanKey {
    private final RowLayout layout;
    private final TableSchema target;

    PlanKey(RowLayout layout, TableSchema target) {
      this.layout = layout;
      this.target = target;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PlanKey other && other.layout == layout && other.target == target;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(layout) + System.identityHashCode(target);
    }
  }
}
