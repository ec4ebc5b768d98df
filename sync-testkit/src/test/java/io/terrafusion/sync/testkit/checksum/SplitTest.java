package io.terrafusion.sync.testkit.checksum;

import static io.terrafusion.sync.testkit.checksum.ChecksumDb.checksums;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.TestDatabase;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Splits cover their range without gaps, in canonical key order, with the right row counts, and agree
 * with the checksums of their own ranges: empty and one-row tables, exact multiples of the segment
 * size, bounded ranges, and composite, UUID and string keys ({@code a} and {@code A} included).
 */
class SplitTest {
  private static final List<String> STRING_KEYS = List.of("a", "A", "b", "B", "\u00e4", "\u00c4", "\uD83D\uDE00",
      "\uFFFD", "", "a b", "ab", "\\", "|", "~");

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void anEmptyRangeIsOneEmptySegment(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_empty_" + name(kind))) {
      TableSchema table = create(db, "numbers", List.of(Column.of("n", JDBCType.BIGINT)), 0, i -> List.of((long) i));
      assertThat(checksums(db).split(table, List.of("n"), KeyRange.all(), 10))
          .containsExactly(new Segment(KeyRange.all(), 0, "0"));
      KeyRange bounded = new KeyRange(RowKey.of(1L), RowKey.of(5L));
      assertThat(checksums(db).split(table, List.of("n"), bounded, 10)).containsExactly(new Segment(bounded, 0, "0"));
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void oneRowIsOneSegmentOverTheWholeRange(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_one_" + name(kind))) {
      TableSchema table = create(db, "numbers", List.of(Column.of("n", JDBCType.BIGINT)), 1, i -> List.of((long) i));
      List<Segment> split = checksums(db).split(table, List.of("n"), KeyRange.all(), 10);
      assertThat(split).hasSize(1);
      assertThat(split.get(0).range()).isEqualTo(KeyRange.all());
      assertThat(split.get(0).rows()).isEqualTo(1);
      assertThat(split.get(0).checksum()).isNotEqualTo("0");
      assertAgreesWithItsRanges(db, table, List.of("n"), split);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void anExactMultipleOfTheSegmentSizeGivesFullSegmentsEndingAtTheRangesEnd(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_exact_" + name(kind))) {
      TableSchema table = create(db, "numbers", List.of(Column.of("n", JDBCType.BIGINT)), 6, i -> List.of((long) i));
      List<Segment> split = checksums(db).split(table, List.of("n"), KeyRange.all(), 3);
      assertThat(split).extracting(Segment::range)
          .containsExactly(new KeyRange(null, RowKey.of(2L)), new KeyRange(RowKey.of(2L), null));
      assertThat(split).extracting(Segment::rows).containsExactly(3L, 3L);
      assertAgreesWithItsRanges(db, table, List.of("n"), split);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void aBoundedRangeIsSplitBetweenItsBounds(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_bounded_" + name(kind))) {
      TableSchema table = create(db, "numbers", List.of(Column.of("n", JDBCType.BIGINT)), 10, i -> List.of((long) i));
      KeyRange range = new KeyRange(RowKey.of(1L), RowKey.of(7L));
      List<Segment> split = checksums(db).split(table, List.of("n"), range, 4);
      assertThat(split).extracting(Segment::range)
          .containsExactly(new KeyRange(RowKey.of(1L), RowKey.of(5L)), new KeyRange(RowKey.of(5L), RowKey.of(7L)));
      assertThat(split).extracting(Segment::rows).containsExactly(4L, 2L);
      assertAgreesWithItsRanges(db, table, List.of("n"), split);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void stringKeysSplitInCodePointOrderWithCaseKeptApart(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_strings_" + name(kind))) {
      Column key = new Column("k", JDBCType.VARCHAR, "VARCHAR", 20, 0, false);
      TableSchema table = create(db, "words", List.of(key, Column.of("v", JDBCType.BIGINT)), STRING_KEYS.size(),
          i -> List.of(STRING_KEYS.get(i), (long) i));
      assertCovers(db, table, STRING_KEYS.size());
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void compositeKeysSplit(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_composite_" + name(kind))) {
      Column region = new Column("region", JDBCType.VARCHAR, "VARCHAR", 10, 0, false);
      TableSchema table = create(db, "parcels", List.of(region, Column.of("n", JDBCType.BIGINT),
          Column.of("v", JDBCType.BIGINT)), 23, i -> List.of(i % 3 == 0 ? "north" : i % 3 == 1 ? "North" : "s\u00fcd",
              (long) (i / 3), (long) i));
      assertCovers(db, table, 23);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void uuidKeysSplit(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_split_uuid_" + name(kind))) {
      Column id = new Column("id", JDBCType.OTHER, "UUID", 0, 0, false);
      TableSchema table = create(db, "things", List.of(id, Column.of("v", JDBCType.BIGINT)), 17,
          i -> List.of(new UUID((long) i << 60, i * 7919L), (long) i));
      assertCovers(db, table, 17);
    }
  }

  /** Every split size gives segments of that many rows (but the last), holding exactly the rows read in their ranges. */
  private static void assertCovers(TestDatabase db, TableSchema table, int rows) {
    List<String> columns = ChecksumDb.names(table);
    for (int size : new int[] {1, 2, 5, rows, rows + 1}) {
      List<Segment> split = checksums(db).split(table, columns, KeyRange.all(), size);
      assertThat(split.get(0).range().after()).isNull();
      assertThat(split.get(split.size() - 1).range().upTo()).isNull();
      List<RowKey> seen = new ArrayList<>();
      for (int i = 0; i < split.size(); i++) {
        Segment segment = split.get(i);
        if (i > 0) {
          assertThat(segment.range().after()).isEqualTo(split.get(i - 1).range().upTo());
        }
        assertThat(segment.rows()).isEqualTo(i < split.size() - 1 ? size : rows - (long) size * (split.size() - 1));
        List<Row> read = db.store().read(table, segment.range(), rows + 1);
        assertThat(read).hasSize((int) segment.rows());
        read.forEach(r -> seen.add(r.key()));
      }
      assertThat(seen).hasSize(rows).doesNotHaveDuplicates().isSorted();
      assertAgreesWithItsRanges(db, table, columns, split);
    }
  }

  private static void assertAgreesWithItsRanges(TestDatabase db, TableSchema table, List<String> columns,
      List<Segment> split) {
    assertThat(checksums(db).checksums(table, columns, split.stream().map(Segment::range).toList())).isEqualTo(split);
  }

  /** Creates a table through the store (so MariaDB gets a byte-wise collation) and writes its rows. */
  private static TableSchema create(TestDatabase db, String name, List<Column> columns, int rows,
      IntFunction<List<Object>> row) {
    List<String> key = columns.size() == 3 ? List.of(columns.get(0).name(), columns.get(1).name())
        : List.of(columns.get(0).name());
    db.store().createTable(new TableSchema(TableId.of(name), columns, key, List.of()));
    TableSchema table = ChecksumDb.table(db, name);
    List<Row> written = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      written.add(Row.of(table.layout(), row.apply(i).toArray()));
    }
    if (!written.isEmpty()) {
      db.store().apply(table, new WriteBatch(written, List.of()));
    }
    return table;
  }

  private static String name(ChecksumDb kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
