package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.internal.TableAccess;
import io.terrafusion.sync.jdbc.spi.Dialect;
import io.terrafusion.sync.spi.SegmentChecksums;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The segment checksums of a {@link JdbcStore}, in the encoding its dialect implements (see {@link
 * Dialect#CHECKSUM_ALGORITHM}). A split is one statement over the range, numbering its rows in key
 * order and keeping a running sum of their hashes; checksums of given ranges are a few statements of
 * per-range aggregates. Columns read by a user-registered data type handler are refused, since SQL
 * cannot know the canonical form such a handler reads.
 *
 * <p>This class is thread-safe.
 */
final class JdbcSegmentChecksums implements SegmentChecksums {
  /** Ranges per statement: with up to a few dozen bound key values each, far below parameter limits. */
  static final int RANGES_PER_STATEMENT = 100;

  private final JdbcStore store;
  private final Dialect dialect;
  private final DataTypeHandlers handlers;

  JdbcSegmentChecksums(JdbcStore store, Dialect dialect, DataTypeHandlers handlers) {
    this.store = store;
    this.dialect = dialect;
    this.handlers = handlers;
  }

  @Override
  public String algorithm() {
    return Dialect.CHECKSUM_ALGORITHM;
  }

  @Override
  public List<Segment> split(TableSchema table, List<String> columns, KeyRange range, int rowsPerSegment) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(range, "range");
    if (rowsPerSegment <= 0) {
      throw new IllegalArgumentException("rowsPerSegment must be > 0 but was " + rowsPerSegment);
    }
    String rowHash = rowHash(table, columns);
    TableAccess access = store.access(table);
    if (!dialect.checksumSplitInOneQuery()) {
      return splitByWalking(table, columns, range, rowsPerSegment, access);
    }
    String sql = dialect.checksumSplit(access.sqlTable(), access.key(), rowHash, range.after() != null,
        range.upTo() != null);
    int keySize = access.key().size();
    List<Boundary> boundaries = store.withHandle("compute segment checksums of", table.id(), handle -> {
      Query query = handle.createQuery(sql);
      query.bind(access.bindRange(query, 0, range), (long) rowsPerSegment);
      return query.setFetchSize(1000).map((rs, ctx) -> new Boundary(access.readKey(rs, 1), rs.getLong(keySize + 1),
          sum(rs, keySize + 2))).list();
    });
    return segments(range, boundaries);
  }

  /**
   * Finds the segments' last keys one at a time, skipping {@code rowsPerSegment} keys in key order
   * from the previous one, then sums each range: two passes over the range, but nothing held in the
   * database's memory beyond one row (unlike window functions on a database that materialises their
   * input, such as H2, which runs out of memory on large tables).
   */
  private List<Segment> splitByWalking(TableSchema table, List<String> columns, KeyRange range, int rowsPerSegment,
      TableAccess access) {
    List<KeyRange> ranges = new ArrayList<>();
    RowKey after = range.after();
    while (true) {
      RowKey last = nthKey(table, access, new KeyRange(after, range.upTo()), rowsPerSegment);
      if (last == null || (range.upTo() != null && last.equals(range.upTo()))) {
        ranges.add(new KeyRange(after, range.upTo()));
        break;
      }
      ranges.add(new KeyRange(after, last));
      after = last;
    }
    List<Segment> segments = new ArrayList<>(checksums(table, columns, ranges));
    if (segments.size() > 1 && segments.get(segments.size() - 1).rows() == 0) {
      // The walk ended exactly at the range's last row: the empty tail joins the segment before it.
      Segment tail = segments.remove(segments.size() - 1);
      Segment previous = segments.remove(segments.size() - 1);
      segments.add(new Segment(new KeyRange(previous.range().after(), tail.range().upTo()), previous.rows(),
          previous.checksum()));
    }
    return segments;
  }

  /** The {@code n}th key of the range in key order, or null when the range holds fewer keys. */
  private @Nullable RowKey nthKey(TableSchema table, TableAccess access, KeyRange range, int n) {
    String sql = dialect.selectPage(access.sqlTable(), access.key(), access.key(), range.after() != null,
        range.upTo() != null) + " OFFSET ?";
    return store.withHandle("compute segment checksums of", table.id(), handle -> {
      Query query = handle.createQuery(sql);
      int next = access.bindRange(query, 0, range);
      query.bind(next, 1).bind(next + 1, n - 1);
      return query.map((rs, ctx) -> access.readKey(rs, 1)).findFirst().orElse(null);
    });
  }

  @Override
  public List<Segment> checksums(TableSchema table, List<String> columns, List<KeyRange> ranges) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    List<KeyRange> all = List.copyOf(ranges);
    String rowHash = rowHash(table, columns);
    TableAccess access = store.access(table);
    return store.withHandle("compute segment checksums of", table.id(), handle -> {
      List<Segment> segments = new ArrayList<>(all.size());
      for (int from = 0; from < all.size(); from += RANGES_PER_STATEMENT) {
        segments.addAll(checksums(handle, access, rowHash, all.subList(from, Math.min(all.size(), from + RANGES_PER_STATEMENT))));
      }
      return segments;
    });
  }

  private List<Segment> checksums(Handle handle, TableAccess access, String rowHash, List<KeyRange> ranges) {
    List<Boolean> lower = ranges.stream().map(r -> r.after() != null).toList();
    List<Boolean> upper = ranges.stream().map(r -> r.upTo() != null).toList();
    Query query = handle.createQuery(dialect.checksumRanges(access.sqlTable(), access.key(), rowHash, lower, upper));
    int position = 0;
    for (KeyRange range : ranges) {
      position = access.bindRange(query, position, range);
    }
    Segment[] segments = new Segment[ranges.size()];
    query.map((rs, ctx) -> {
      int index = rs.getInt(1);
      segments[index] = new Segment(ranges.get(index), rs.getLong(2), sum(rs, 3).toString());
      return index;
    }).list();
    return List.of(segments);
  }

  /**
   * The hash expression of the columns' row text.
   *
   * @throws IllegalArgumentException if a column is not in the table, or has no encoding
   */
  private String rowHash(TableSchema table, List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns must not be empty");
    }
    List<String> parts = new ArrayList<>(2 * columns.size());
    for (String name : columns) {
      Column column = table.column(name).orElseThrow(() -> new IllegalArgumentException(
          "column " + name + " is not in table " + table.id() + " " + table.columns().stream().map(Column::name).toList()));
      if (!handlers.find(column).equals(dialect.typeHandlers().find(column))) {
        throw new IllegalArgumentException("column " + name + " of table " + table.id() + " is read by a user-registered"
            + " data type handler, whose canonical form SQL cannot compute; it cannot be checksummed");
      }
      String field = dialect.checksumField(column).orElseThrow(() -> new IllegalArgumentException("column " + name
          + " of table " + table.id() + " has type " + column.typeName() + ", which the " + dialect.name()
          + " dialect cannot checksum"));
      if (!parts.isEmpty()) {
        parts.add("'|'");
      }
      parts.add("CASE WHEN " + dialect.quote(name) + " IS NULL THEN '-' ELSE " + field + " END");
    }
    return dialect.checksumHash(dialect.checksumConcat(parts)).orElseThrow(
        () -> new IllegalStateException("the " + dialect.name() + " dialect computes no checksums"));
  }

  private static List<Segment> segments(KeyRange range, List<Boundary> boundaries) {
    if (boundaries.isEmpty()) {
      return List.of(new Segment(range, 0, "0"));
    }
    List<Segment> segments = new ArrayList<>(boundaries.size());
    RowKey after = range.after();
    long rowsBefore = 0;
    BigInteger sumBefore = BigInteger.ZERO;
    for (int i = 0; i < boundaries.size(); i++) {
      Boundary boundary = boundaries.get(i);
      RowKey upTo = i == boundaries.size() - 1 ? range.upTo() : boundary.lastKey();
      segments.add(new Segment(new KeyRange(after, upTo), boundary.rowNumber() - rowsBefore,
          boundary.runningSum().subtract(sumBefore).toString()));
      after = boundary.lastKey();
      rowsBefore = boundary.rowNumber();
      sumBefore = boundary.runningSum();
    }
    return segments;
  }

  private static BigInteger sum(ResultSet rs, int column) throws SQLException {
    @Nullable BigDecimal sum = rs.getBigDecimal(column);
    return sum == null ? BigInteger.ZERO : sum.toBigIntegerExact();
  }

  /** The last row of a segment: its key, its number in the range from 1, and the sum of hashes up to it. */
  private record Boundary(RowKey lastKey, long rowNumber, BigInteger runningSum) {}
}
