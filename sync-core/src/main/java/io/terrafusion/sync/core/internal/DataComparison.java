package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.TargetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Compares the rows of one planned table: the transformed source against the target, page by page
 * in key order, so memory follows the batch size. Reports each differing key (never values), up to
 * a limit, then one violation counting the rest.
 */
final class DataComparison {
  static final int MAX_REPORTED = 100;

  private final SourceStore source;
  private final TargetStore target;
  private final int batchSize;

  DataComparison(SourceStore source, TargetStore target, int batchSize) {
    this.source = source;
    this.target = target;
    this.batchSize = batchSize;
  }

  List<Violation> compare(TablePlan plan) {
    Differences found = new Differences(plan);
    RowKey after = null;
    while (true) {
      List<Row> page = source.read(plan.source(), KeyRange.after(after), batchSize);
      RowKey upTo = page.size() < batchSize ? null : page.get(page.size() - 1).key();
      TreeMap<RowKey, Row> expected = new TreeMap<>();
      for (Row row : page) {
        Row mapped;
        try {
          mapped = plan.mapping().apply(row);
        } catch (RuntimeException e) {
          found.add(row.key(), "row-unmappable", "the transformer cannot map this source row");
          continue;
        }
        if (mapped != null) {
          expected.put(mapped.key(), mapped);
        }
      }
      compareRange(plan, new KeyRange(after, upTo), expected, found);
      expected.keySet().forEach(key -> found.add(key, "row-missing", "the target lacks this row of the source"));
      if (upTo == null) {
        return found.violations();
      }
      after = upTo;
    }
  }

  private void compareRange(TablePlan plan, KeyRange range, TreeMap<RowKey, Row> expected, Differences found) {
    RowKey after = range.after();
    while (true) {
      List<Row> page = target.read(plan.write(), new KeyRange(after, range.upTo()), batchSize);
      for (Row row : page) {
        Row wanted = expected.remove(row.key());
        if (wanted == null) {
          found.add(row.key(), "row-extra", "the target holds this row, which the transformed source lacks");
        } else if (!wanted.sameValues(row)) {
          found.add(row.key(), "row-differs", "the target row differs from the transformed source row");
        }
      }
      if (page.size() < batchSize) {
        return;
      }
      after = page.get(page.size() - 1).key();
      if (after.equals(range.upTo())) {
        return;
      }
    }
  }

  /** The differences of one table, the first {@link #MAX_REPORTED} by key and a count of the rest. */
  private static final class Differences {
    private final TablePlan plan;
    private final List<Violation> violations = new ArrayList<>();
    private long unreported;

    Differences(TablePlan plan) {
      this.plan = plan;
    }

    void add(@Nullable RowKey key, String rule, String message) {
      if (violations.size() < MAX_REPORTED) {
        violations.add(new Violation(plan.targetId(), key, null, rule, message));
      } else {
        unreported++;
      }
    }

    List<Violation> violations() {
      if (unreported > 0) {
        violations.add(new Violation(plan.targetId(), null, null, "more-differences",
            unreported + " more rows differ beyond the first " + MAX_REPORTED));
      }
      return violations;
    }
  }
}
