package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Objects;

/**
 * Checksums of key-range segments of a table, computed inside the database, so that two stores
 * find where they differ without moving rows. A store offers it through {@link
 * SourceStore#segmentChecksums()}; the hash-diff detector compares the two stores' checksums and
 * only reads rows of small segments that differ.
 *
 * <p>A segment's checksum covers the key and values of its rows, column by column in the order
 * given, using {@link io.terrafusion.sync.api.CanonicalValues}' notion of equal values: the same
 * logical rows give the same checksum in every store of the same {@link #algorithm()}, whatever the
 * database, collation or session time zone. Different rows give different checksums but for hash
 * collisions. A type a store cannot encode canonically in SQL may make equal rows differ (never the
 * reverse); that costs time, not correctness, as differing segments are compared row by row.
 *
 * <p>Implementations are thread-safe. Failures surface as {@link
 * io.terrafusion.sync.api.DataAccessException} naming the table.
 */
public interface SegmentChecksums {

  /**
   * The name of the row encoding and hash, such as {@code md5-canonical-1}. Checksums of two stores
   * are comparable only when their algorithms are equal.
   */
  String algorithm();

  /**
   * Splits the rows of a key range into consecutive segments of {@code rowsPerSegment} rows each (the
   * last may hold fewer), in ascending key order, each with its checksum. The segments cover the
   * whole range without gaps: the first begins at {@code range.after()}, each next one where the
   * previous ends, and the last ends at {@code range.upTo()}, so that every key the other store may
   * hold in the range falls in exactly one segment. A range without rows gives one segment of zero
   * rows over the whole range.
   *
   * @param table the table's schema as the store returned it, or a projection of it
   * @param columns the columns to hash, in this order, primary key included
   * @param range the keys to cover
   * @param rowsPerSegment the rows of each segment but the last; must be > 0
   * @throws IllegalArgumentException if {@code rowsPerSegment <= 0} or a column is not in the table
   */
  List<Segment> split(TableSchema table, List<String> columns, KeyRange range, int rowsPerSegment);

  /**
   * The checksums of the given key ranges, in the same order.
   *
   * @param table the table's schema as the store returned it, or a projection of it
   * @param columns the columns to hash, in this order, primary key included
   * @param ranges the ranges, such as those another store's {@link #split} returned
   * @throws IllegalArgumentException if a column is not in the table
   */
  List<Segment> checksums(TableSchema table, List<String> columns, List<KeyRange> ranges);

  /**
   * The rows of a key range and their checksum.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param range the keys the segment covers
   * @param rows how many rows the store holds in the range
   * @param checksum the checksum of those rows; two segments of equal rows have equal checksums
   */
  record Segment(KeyRange range, long rows, String checksum) {

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public Segment {
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(checksum, "checksum");
      if (rows < 0) {
        throw new IllegalArgumentException("rows must be >= 0 but was " + rows);
      }
    }

    /** Whether this segment holds the same rows as another, by count and checksum. */
    public boolean sameAs(Segment other) {
      return rows == other.rows && checksum.equals(other.checksum);
    }
  }
}
