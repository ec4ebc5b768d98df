package io.terrafusion.sync.testkit.checksum;

import static io.terrafusion.sync.testkit.checksum.ChecksumDb.whole;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EdgeValueTable;
import io.terrafusion.sync.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any change to a row changes its table's checksum: the smallest step of each type's value, NULL for
 * an empty string or empty bytes, a value moved across a column boundary, and a changed key.
 */
class ChecksumSensitivityTest {

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void theSmallestChangeOfEachTypeChangesTheChecksum(ChecksumDb kind) {
    try (TestDatabase db = edgeValues(kind, "cksum_step_")) {
      TableSchema table = ChecksumDb.table(db, "edge_values");
      List<String> columns = ChecksumDb.names(table);
      Row original = db.store().fetch(table, List.of(RowKey.of(2L))).get(0);
      // JSON is hashed as stored, and the store writes it back in canonical form: start from that.
      write(db, table, original);
      Segment before = whole(db, table, columns);
      for (String column : columns.subList(1, columns.size())) {
        write(db, table, original.with(column, step(original.get(column))));
        assertThat(whole(db, table, columns).checksum()).as("column %s", column).isNotEqualTo(before.checksum());
        write(db, table, original);
        assertThat(whole(db, table, columns)).as("column %s restored", column).isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void nullDiffersFromEmpty(ChecksumDb kind) {
    try (TestDatabase db = edgeValues(kind, "cksum_null_")) {
      TableSchema table = ChecksumDb.table(db, "edge_values");
      List<String> columns = ChecksumDb.names(table);
      Segment before = whole(db, table, columns);
      Row empties = db.store().fetch(table, List.of(RowKey.of(1L))).get(0);
      for (String column : List.of("txt", "big", "bin")) {
        write(db, table, empties.with(column, null));
        assertThat(whole(db, table, columns).checksum()).as("column %s", column).isNotEqualTo(before.checksum());
        write(db, table, empties);
      }
      assertThat(whole(db, table, columns)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void aValueMovedAcrossAColumnBoundaryChangesTheChecksum(ChecksumDb kind) {
    try (TestDatabase db = edgeValues(kind, "cksum_bound_")) {
      TableSchema table = ChecksumDb.table(db, "edge_values");
      List<String> columns = List.of("id", "txt", "big");
      Row row = db.store().fetch(table, List.of(RowKey.of(4L))).get(0);
      write(db, table, row.with("txt", "p|sq").with("big", "r"));
      Segment first = whole(db, table, columns);
      write(db, table, row.with("txt", "p").with("big", "q|sr"));
      Segment second = whole(db, table, columns);
      write(db, table, row.with("txt", "p~").with("big", "q"));
      Segment third = whole(db, table, columns);
      assertThat(List.of(first.checksum(), second.checksum(), third.checksum())).doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void aChangedKeyChangesTheChecksum(ChecksumDb kind) {
    try (TestDatabase db = edgeValues(kind, "cksum_key_")) {
      TableSchema table = ChecksumDb.table(db, "edge_values");
      List<String> columns = ChecksumDb.names(table);
      Segment before = whole(db, table, columns);
      Row row = db.store().fetch(table, List.of(RowKey.of(4L))).get(0);
      db.store().apply(table, new WriteBatch(List.of(row.with("id", 40L)), List.of(row.key())));
      Segment after = whole(db, table, columns);
      assertThat(after.rows()).isEqualTo(before.rows());
      assertThat(after.checksum()).isNotEqualTo(before.checksum());
    }
  }

  @ParameterizedTest
  @EnumSource(value = ChecksumDb.class, names = {"H2", "POSTGRESQL"})
  void aDateBeforeOneAdDiffersFromTheSameDayAfter(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_era_" + kind.name().toLowerCase(Locale.ROOT))) {
      db.execute("CREATE TABLE days (id BIGINT PRIMARY KEY, d DATE)");
      TableSchema table = ChecksumDb.table(db, "days");
      write(db, table, Row.of(table.layout(), 1L, LocalDate.of(44, 3, 15)));
      Segment after = whole(db, table, List.of("id", "d"));
      write(db, table, Row.of(table.layout(), 1L, LocalDate.of(-43, 3, 15)));
      assertThat(whole(db, table, List.of("id", "d")).checksum()).isNotEqualTo(after.checksum());
    }
  }

  private static TestDatabase edgeValues(ChecksumDb kind, String prefix) {
    TestDatabase db = kind.open(prefix + kind.name().toLowerCase(Locale.ROOT));
    EdgeValueTable.createSchema(db);
    EdgeValueTable.fill(db, false);
    return db;
  }

  private static void write(TestDatabase db, TableSchema table, Row row) {
    db.store().apply(table, new WriteBatch(List.of(row), List.of()));
  }

  /** The nearest different value of the same type that the edge-value columns still hold. */
  private static Object step(@Nullable Object value) {
    if (value instanceof Long l) {
      return l - 1;
    }
    if (value instanceof BigDecimal d) {
      return d.subtract(new BigDecimal("0.0001"));
    }
    if (value instanceof Double d) {
      return Math.nextDown(d);
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    if (value instanceof String s) {
      return s.startsWith("{") ? s.replace("\"x\"", "\"y\"") : s.substring(0, s.length() - 1) + "y";
    }
    if (value instanceof LocalDate d) {
      return d.minusDays(1);
    }
    if (value instanceof LocalTime t) {
      return t.minusNanos(1000);
    }
    if (value instanceof LocalDateTime t) {
      return t.minusNanos(1000);
    }
    if (value instanceof Instant i) {
      return i.minusNanos(1000);
    }
    if (value instanceof byte[] bytes) {
      byte[] changed = Arrays.copyOf(bytes, bytes.length);
      changed[changed.length - 1] ^= 1;
      return changed;
    }
    if (value instanceof UUID u) {
      return new UUID(u.getMostSignificantBits(), u.getLeastSignificantBits() - 1);
    }
    throw new IllegalArgumentException("no step for " + value);
  }
}
