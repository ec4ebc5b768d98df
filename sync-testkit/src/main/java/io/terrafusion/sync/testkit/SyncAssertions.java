package io.terrafusion.sync.testkit;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assertions that two stores hold the same rows, compared under {@link CanonicalValues} (so that
 * {@code 1.50} equals {@code 1.5} and an H2 table can be compared with a SQLite one). Tables are read
 * in pages by key, so memory does not grow with table size.
 *
 * <p>Failures are {@link AssertionError}s that name the table, the first differing key and column,
 * and the number of differences; they never print row values. This class is stateless and
 * thread-safe.
 */
public final class SyncAssertions {
  private static final int PAGE = 1000;
  private static final int LISTED = 10;

  private SyncAssertions() {}

  /**
   * Asserts that each table holds the same rows in both stores, comparing the expected table's
   * columns.
   *
   * @throws AssertionError if a table is missing or the rows differ
   */
  public static void assertSameRows(SourceStore expected, SourceStore actual, List<TableId> tables) {
    List<String> failures = new ArrayList<>();
    for (TableId table : tables) {
      failures.addAll(differences(expected, table, actual, table));
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(expected.name() + " and " + actual.name() + " differ:\n  " + String.join("\n  ", failures));
    }
  }

  /**
   * Asserts that a table holds the same rows as a table of another name (or store).
   *
   * @throws AssertionError if a table is missing or the rows differ
   */
  public static void assertSameRows(SourceStore expected, TableId expectedTable, SourceStore actual, TableId actualTable) {
    List<String> failures = differences(expected, expectedTable, actual, actualTable);
    if (!failures.isEmpty()) {
      throw new AssertionError(expected.name() + " and " + actual.name() + " differ:\n  " + String.join("\n  ", failures));
    }
  }

  /**
   * The differences between two tables, one sentence each (at most ten listed, then a count); empty
   * when they hold the same rows.
   */
  public static List<String> differences(SourceStore expected, TableId expectedTable, SourceStore actual, TableId actualTable) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    TableSchema left = expected.table(expectedTable).orElse(null);
    TableSchema right = actual.table(actualTable).orElse(null);
    List<String> out = new ArrayList<>();
    if (left == null || right == null) {
      out.add("table " + (left == null ? expectedTable + " is missing from " + expected.name() : actualTable + " is missing from " + actual.name()));
      return out;
    }
    List<Column> projected = new ArrayList<>();
    for (Column column : left.columns()) {
      Column other = right.column(column.name()).orElse(null);
      if (other == null) {
        out.add("table " + actualTable + " has no column " + column.name());
      } else {
        projected.add(other);
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    if (!left.primaryKey().equals(right.primaryKey())) {
      out.add("table " + actualTable + " has primary key " + right.primaryKey() + " but " + expectedTable + " has " + left.primaryKey());
      return out;
    }
    TableSchema rightProjection = new TableSchema(right.id(), projected, right.primaryKey(), List.of());
    compareRows(expected, left, actual, rightProjection, out);
    return out;
  }

  private static void compareRows(SourceStore expected, TableSchema left, SourceStore actual, TableSchema right, List<String> out) {
    Pager a = new Pager(expected, left);
    Pager b = new Pager(actual, right);
    long count = 0;
    Row x = a.next();
    Row y = b.next();
    while (x != null || y != null) {
      int c = x == null ? 1 : y == null ? -1 : x.key().compareTo(y.key());
      if (c < 0) {
        count = report(out, count, "table " + right.id() + ": row " + x.key() + " is missing");
        x = a.next();
      } else if (c > 0) {
        count = report(out, count, "table " + right.id() + ": row " + y.key() + " should not be there");
        y = b.next();
      } else {
        String column = firstDifferentColumn(x, y);
        if (column != null) {
          count = report(out, count, "table " + right.id() + ": row " + x.key() + " differs in column " + column);
        }
        x = a.next();
        y = b.next();
      }
    }
    if (count > LISTED) {
      out.add("... " + (count - LISTED) + " more difference(s) in table " + right.id());
    }
  }

  private static long report(List<String> out, long count, String sentence) {
    if (count < LISTED) {
      out.add(sentence);
    }
    return count + 1;
  }

  private static @Nullable String firstDifferentColumn(Row x, Row y) {
    for (int i = 0; i < x.size(); i++) {
      if (!CanonicalValues.equal(x.get(i), y.get(i))) {
        return x.layout().column(i);
      }
    }
    return null;
  }

  /** Reads a table page by page in key order. */
  private static final class Pager {
    private final SourceStore store;
    private final TableSchema schema;
    private List<Row> page = List.of();
    private int index;
    private @Nullable RowKey last;
    private boolean exhausted;

    Pager(SourceStore store, TableSchema schema) {
      this.store = store;
      this.schema = schema;
    }

    @Nullable Row next() {
      if (index == page.size()) {
        if (exhausted) {
          return null;
        }
        page = store.read(schema, KeyRange.after(last), PAGE);
        index = 0;
        exhausted = page.size() < PAGE;
        if (page.isEmpty()) {
          return null;
        }
        last = page.get(page.size() - 1).key();
      }
      return page.get(index++);
    }
  }
}
