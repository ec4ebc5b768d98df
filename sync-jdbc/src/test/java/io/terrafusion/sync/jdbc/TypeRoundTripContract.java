package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every canonical type written and read back by one dialect; run once per database. */
abstract class TypeRoundTripContract {
  static final TableId TYPES = TableId.of("types");
  static final String TYPES_DDL = "CREATE TABLE \"types\" (\"id\" BIGINT NOT NULL PRIMARY KEY, \"i\" INTEGER,"
      + " \"s\" VARCHAR(100), \"c\" CLOB, \"d\" DECIMAL(20,6), \"f\" DOUBLE PRECISION, \"b\" BOOLEAN, \"dt\" DATE,"
      + " \"tm\" TIME(6), \"ts\" TIMESTAMP(6), \"tz\" TIMESTAMP WITH TIME ZONE, \"by\" VARBINARY(100), \"bl\" BLOB)";

  DataSource dataSource;
  JdbcStore store;
  TableSchema types;

  abstract DataSource newDatabase();

  @BeforeEach
  void createTable() {
    dataSource = newDatabase();
    TestDatabases.execute(dataSource, TYPES_DDL);
    store = JdbcStore.of(dataSource);
    types = store.table(TYPES).orElseThrow();
  }

  /** A row holding a value of every canonical type, the same logical values in every database. */
  static Row fullRow(TableSchema schema, long id) {
    byte[] blob = new byte[1000];
    new Random(id).nextBytes(blob);
    return Row.of(schema.layout(), id, 42L, "Gr\u00fc\u00dfe, \u4e16\u754c \uD83D\uDE00 'q' \"dq\"",
        "\u00e9\uD83D\uDE00".repeat(3000), new BigDecimal("12345678.123456"), 3.141592653589793, true,
        LocalDate.of(2024, 2, 29), LocalTime.of(13, 45, 0, 654_321_000),
        LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000), Instant.parse("2024-03-01T10:15:30.123456Z"),
        new byte[] {0, -1, 127, -128}, blob);
  }

  static void assertSameValues(Row actual, Row expected) {
    assertThat(actual.layout()).isEqualTo(expected.layout());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(CanonicalValues.equal(actual.get(i), expected.get(i)))
          .as("column %s: read %s, wrote %s", expected.layout().column(i), actual.get(i), expected.get(i))
          .isTrue();
    }
  }

  Row roundTrip(Row row) {
    store.apply(types, new WriteBatch(List.of(row), List.of()));
    return store.fetch(types, List.of(row.key())).get(0);
  }

  @Test
  void canonicalColumnsGetTheirJdbcTypes() {
    assertThat(types.columns()).extracting(Column::name, Column::jdbcType).contains(
        tuple("s", JDBCType.VARCHAR), tuple("c", JDBCType.CLOB), tuple("d", JDBCType.DECIMAL),
        tuple("f", JDBCType.DOUBLE), tuple("b", JDBCType.BOOLEAN), tuple("dt", JDBCType.DATE),
        tuple("tm", JDBCType.TIME), tuple("ts", JDBCType.TIMESTAMP), tuple("tz", JDBCType.TIMESTAMP_WITH_TIMEZONE),
        tuple("by", JDBCType.VARBINARY), tuple("bl", JDBCType.BLOB));
  }

  @Test
  void everyCanonicalTypeRoundTrips() {
    Row row = fullRow(types, 1);
    assertSameValues(roundTrip(row), row);
  }

  @Test
  void readValuesHaveTheirCanonicalJavaTypes() {
    Row read = roundTrip(fullRow(types, 1));
    assertThat(List.of("id", "i", "s", "c", "d", "f", "b", "dt", "tm", "ts", "tz", "by", "bl"))
        .<Class<?>>extracting(column -> read.get(column).getClass())
        .containsExactly(Long.class, Long.class, String.class, String.class, BigDecimal.class, Double.class,
            Boolean.class, LocalDate.class, LocalTime.class, LocalDateTime.class, Instant.class, byte[].class,
            byte[].class);
  }

  @Test
  void nullsRoundTripInEveryColumn() {
    Row row = Row.of(types.layout(), 2L, null, null, null, null, null, null, null, null, null, null, null, null);
    assertThat(roundTrip(row).values()).containsExactly(2L, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  @Test
  void emptyStringAndEmptyBytesStayDistinctFromNull() {
    Row row = Row.of(types.layout(), 3L, null, "", "", null, null, null, null, null, null, null, new byte[0],
        new byte[0]);
    Row read = roundTrip(row);
    assertThat(read.get("s")).isEqualTo("");
    assertThat(read.get("c")).isEqualTo("");
    assertThat((byte[]) read.get("by")).isEmpty();
    assertThat((byte[]) read.get("bl")).isEmpty();
  }

  @Test
  void timestampsKeepMicroseconds() {
    Row row = fullRow(types, 4).with("ts", LocalDateTime.of(1999, 12, 31, 0, 0, 0, 1_000))
        .with("tm", LocalTime.of(0, 0, 0, 999_999_000))
        .with("tz", Instant.parse("1970-01-01T00:00:00.000001Z"));
    Row read = roundTrip(row);
    assertThat(read.get("ts")).isEqualTo(LocalDateTime.of(1999, 12, 31, 0, 0, 0, 1_000));
    assertThat(read.get("tm")).isEqualTo(LocalTime.of(0, 0, 0, 999_999_000));
    assertThat(read.get("tz")).isEqualTo(Instant.parse("1970-01-01T00:00:00.000001Z"));
  }

  @Test
  void falseAndNegativeNumbersRoundTrip() {
    Row row = fullRow(types, 5).with("b", false).with("i", (long) Integer.MIN_VALUE)
        .with("d", new BigDecimal("-0.000001")).with("f", -1.5e300);
    assertSameValues(roundTrip(row), row);
  }

  @Test
  void infinitiesRoundTrip() {
    Row row = fullRow(types, 6).with("f", Double.NEGATIVE_INFINITY);
    assertThat(roundTrip(row).get("f")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void registeredHandlerOverridesTheBuiltIn() {
    JdbcStore custom = JdbcStore.builder(dataSource)
        .typeHandler(new PrefixingStrings("first:"))
        .typeHandler(new PrefixingStrings("latest:"))
        .build();
    custom.apply(types, new WriteBatch(List.of(fullRow(types, 7).with("s", "abc")), List.of()));
    Row viaBuiltIns = store.read(types, KeyRange.all(), 1).get(0);
    Row viaCustom = custom.read(types, KeyRange.all(), 1).get(0);
    assertThat(viaBuiltIns.get("s")).isEqualTo("abc");
    assertThat(viaCustom.get("s")).isEqualTo("latest:abc");
    assertThat(viaCustom.get("i")).isEqualTo(42L);
  }
}
