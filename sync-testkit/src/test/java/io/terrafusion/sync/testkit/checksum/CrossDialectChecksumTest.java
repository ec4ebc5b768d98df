package io.terrafusion.sync.testkit.checksum;

import static io.terrafusion.sync.testkit.checksum.ChecksumDb.checksums;
import static io.terrafusion.sync.testkit.checksum.ChecksumDb.whole;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EdgeValueTable;
import io.terrafusion.sync.testkit.TestDatabase;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge-value table, written with the same rows into two databases, gives equal checksums column by
 * column wherever the encoding promises agreement, and split ranges of one side checksum alike on the
 * other.
 */
class CrossDialectChecksumTest {
  /**
   * JSON never agrees between dialects; doubles print differently in each (H2 as Java does, MariaDB
   * without a {@code +} in exponents and with other thresholds for exponent notation than PostgreSQL),
   * so the edge values of the double column differ, though ordinary values may agree.
   */
  private static final Set<String> DIALECT_ONLY = Set.of("doc", "dbl");

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    ChecksumDb[] all = ChecksumDb.values();
    for (int i = 0; i < all.length; i++) {
      for (int j = i; j < all.length; j++) {
        pairs.add(Arguments.of(all[i], all[j]));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} and {1}")
  @MethodSource("pairs")
  void identicalRowsGiveEqualChecksumsForEveryColumnThatAgrees(ChecksumDb first, ChecksumDb second) {
    String prefix = "cksum_edge_" + first.name().toLowerCase(Locale.ROOT) + "_" + second.name().toLowerCase(Locale.ROOT);
    try (TestDatabase a = first.open(prefix + "_a"); TestDatabase b = second.open(prefix + "_b")) {
      boolean nonFinite = EdgeValueTable.storesNonFinite(a) && EdgeValueTable.storesNonFinite(b);
      for (TestDatabase db : List.of(a, b)) {
        EdgeValueTable.createSchema(db);
        EdgeValueTable.fill(db, nonFinite);
      }
      TableSchema tableA = ChecksumDb.table(a, "edge_values");
      TableSchema tableB = ChecksumDb.table(b, "edge_values");
      List<String> agreeing = new ArrayList<>();
      for (String column : ChecksumDb.names(tableA)) {
        List<String> columns = column.equals("id") ? List.of("id") : List.of("id", column);
        Segment sa = whole(a, tableA, columns);
        Segment sb = whole(b, tableB, columns);
        assertThat(sa.rows()).isEqualTo(nonFinite ? 7 : 4);
        if (first == second || !DIALECT_ONLY.contains(column)) {
          assertThat(sa).as("column %s", column).isEqualTo(sb);
          agreeing.add(column);
        } else {
          assertThat(sa.checksum()).as("column %s", column).isNotEqualTo(sb.checksum());
        }
      }
      assertThat(whole(a, tableA, agreeing)).isEqualTo(whole(b, tableB, agreeing));

      List<Segment> split = checksums(a).split(tableA, agreeing, KeyRange.all(), 3);
      assertThat(split).extracting(Segment::rows).isEqualTo(nonFinite ? List.of(3L, 3L, 1L) : List.of(3L, 1L));
      List<Segment> other = checksums(b).checksums(tableB, agreeing, split.stream().map(Segment::range).toList());
      assertThat(other).isEqualTo(split);
    }
  }

  @ParameterizedTest(name = "{0} and {1}")
  @MethodSource("pairs")
  void rangesSplitOnOneSideChecksumAlikeOnTheOtherForStringAndUuidKeys(ChecksumDb first, ChecksumDb second) {
    String prefix = "cksum_keys_" + first.name().toLowerCase(Locale.ROOT) + "_" + second.name().toLowerCase(Locale.ROOT);
    try (TestDatabase a = first.open(prefix + "_a"); TestDatabase b = second.open(prefix + "_b")) {
      List<Column> columns = List.of(new Column("region", JDBCType.VARCHAR, "VARCHAR", 10, 0, false),
          new Column("id", JDBCType.OTHER, "UUID", 0, 0, false), new Column("note", JDBCType.VARCHAR, "VARCHAR", 40, 0, true));
      TableSchema schema = new TableSchema(TableId.of("places"), columns, List.of("region", "id"), List.of());
      List<String> regions = List.of("a", "A", "\u00e4", "\uD83D\uDE00", "b|c", "");
      for (TestDatabase db : List.of(a, b)) {
        db.store().createTable(schema);
        TableSchema table = ChecksumDb.table(db, "places");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          rows.add(Row.of(table.layout(), regions.get(i % regions.size()), new UUID(i * 0x1234_5678_9abcL, -i),
              i % 7 == 0 ? null : "note " + i));
        }
        db.store().apply(table, new WriteBatch(rows, List.of()));
      }
      TableSchema tableA = ChecksumDb.table(a, "places");
      TableSchema tableB = ChecksumDb.table(b, "places");
      List<String> names = List.of("region", "id", "note");
      List<Segment> split = checksums(a).split(tableA, names, KeyRange.all(), 7);
      assertThat(split).hasSize(9);
      assertThat(checksums(b).checksums(tableB, names, split.stream().map(Segment::range).toList())).isEqualTo(split);
      assertThat(checksums(b).split(tableB, names, KeyRange.all(), 7)).isEqualTo(split);
    }
  }
}
