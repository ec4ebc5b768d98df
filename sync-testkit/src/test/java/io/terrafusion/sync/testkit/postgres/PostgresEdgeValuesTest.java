package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge values of every supported PostgreSQL type, written by batched statements and by COPY, read back equal. */
class PostgresEdgeValuesTest {
  private static final String COLUMNS = " (id BIGINT PRIMARY KEY, i2 SMALLINT, i4 INTEGER, i8 BIGINT,"
      + " dec NUMERIC(38,10), num NUMERIC, f4 REAL, f8 DOUBLE PRECISION, b BOOLEAN, ch CHAR(3), vc VARCHAR(100),"
      + " tx TEXT, d DATE, t TIME(6), ts TIMESTAMP(6), tz TIMESTAMPTZ, u UUID, j JSON, jb JSONB, by BYTEA, e mood)";

  private ServerDatabase db;
  private RecordingPostgres dialect;
  private JdbcStore store;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_edge_values_test");
    db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        "CREATE TABLE batched" + COLUMNS, "CREATE TABLE bulk" + COLUMNS);
    dialect = new RecordingPostgres();
    store = JdbcStore.builder(db.dataSource()).dialect(dialect).build();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void edgeValuesRoundTripThroughBatchedStatements() {
    TableSchema table = schema("batched");
    List<Row> rows = edgeRows(table);
    store.apply(table, new WriteBatch(rows, List.of()));
    assertThat(dialect.loads).isEmpty();
    assertSameRows(readAll(table), rows);
  }

  @Test
  void edgeValuesRoundTripThroughTheCopyStagingMerge() {
    TableSchema table = schema("bulk");
    List<Row> rows = withFillers(table, edgeRows(table));
    store.apply(table, new WriteBatch(rows, List.of()));
    assertThat(dialect.loads).containsExactly("tfsync_staging");
    assertSameRows(readAll(table), rows);
  }

  @Test
  void edgeValuesRoundTripThroughACopyOfNewRows() {
    TableSchema table = schema("bulk");
    List<Row> rows = withFillers(table, edgeRows(table));
    store.apply(table, new WriteBatch(rows, List.of(), true));
    assertThat(dialect.loads).containsExactly("bulk");
    assertSameRows(readAll(table), rows);
  }

  @Test
  void copyAndBatchedStatementsStoreTheSameRows() {
    TableSchema batched = schema("batched");
    TableSchema bulk = schema("bulk");
    List<Row> rows = withFillers(bulk, edgeRows(bulk));
    for (int from = 0; from < rows.size(); from += 100) {
      store.apply(batched, new WriteBatch(rows.subList(from, Math.min(rows.size(), from + 100)), List.of()));
    }
    store.apply(bulk, new WriteBatch(rows, List.of()));

    assertThat(dialect.loads).containsExactly("tfsync_staging");
    assertSameRows(readAll(bulk), readAll(batched));
  }

  @Test
  void theCopyMergeRewritesOnlyChangedRows() {
    TableSchema table = schema("bulk");
    List<Row> rows = withFillers(table, edgeRows(table));
    store.apply(table, new WriteBatch(rows, List.of()));
    long firstWrite = db.queryLong("SELECT xmin::text::bigint FROM bulk WHERE id = 1");
    List<Row> changed = new ArrayList<>(rows);
    changed.set(rows.size() - 1, rows.get(rows.size() - 1).with("vc", "changed"));
    store.apply(table, new WriteBatch(changed, List.of()));

    assertThat(db.queryLong("SELECT count(*) FROM bulk WHERE xmin::text::bigint <> ?", firstWrite)).isEqualTo(1);
    assertThat(db.queryLong("SELECT count(*) FROM bulk WHERE vc = 'changed'")).isEqualTo(1);
    assertSameRows(readAll(table), changed);
  }

  @Test
  void batchedUpsertsRewriteOnlyChangedRows() {
    TableSchema table = schema("batched");
    List<Row> rows = edgeRows(table);
    store.apply(table, new WriteBatch(rows, List.of()));
    long firstWrite = db.queryLong("SELECT xmin::text::bigint FROM batched WHERE id = 1");
    List<Row> changed = new ArrayList<>(rows);
    changed.set(0, rows.get(0).with("b", true));
    store.apply(table, new WriteBatch(changed, List.of()));

    assertThat(db.queryLong("SELECT count(*) FROM batched WHERE xmin::text::bigint <> ?", firstWrite)).isEqualTo(1);
    assertSameRows(readAll(table), changed);
  }

  private TableSchema schema(String name) {
    return store.table(TableId.of(name)).orElseThrow();
  }

  private List<Row> readAll(TableSchema table) {
    return store.read(table, KeyRange.all(), 10_000);
  }

  private static void assertSameRows(List<Row> actual, List<Row> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      Row want = expected.get(r);
      Row got = actual.get(r);
      assertThat(got.key()).isEqualTo(want.key());
      for (int i = 0; i < want.size(); i++) {
        Object w = want.get(i);
        Object g = got.get(i);
        assertThat(CanonicalValues.equal(g, w))
            .as("row %s column %s: read %s (%s)", want.key(), want.layout().column(i),
                g instanceof String s && s.length() > 80 ? s.length() + " chars" : g,
                g == null ? "null" : g.getClass().getSimpleName())
            .isTrue();
      }
    }
  }

  private static List<Row> edgeRows(TableSchema table) {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < 256; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] megabyte = new byte[1 << 20];
    new Random(7).nextBytes(megabyte);
    List<Row> rows = new ArrayList<>();
    rows.add(row(table, 1, Map.ofEntries(
        Map.entry("i2", (long) Short.MIN_VALUE), Map.entry("i4", (long) Integer.MIN_VALUE),
        Map.entry("i8", Long.MIN_VALUE), Map.entry("dec", new BigDecimal("-9999999999999999999999999999.9999999999")),
        Map.entry("num", new BigDecimal("-1E-60")), Map.entry("f4", (double) -Float.MAX_VALUE),
        Map.entry("f8", -Double.MAX_VALUE), Map.entry("b", false), Map.entry("ch", "abc"),
        Map.entry("vc", ""), Map.entry("tx", ""), Map.entry("d", LocalDate.of(1, 1, 1)),
        Map.entry("t", LocalTime.MIDNIGHT), Map.entry("ts", LocalDateTime.of(1, 1, 1, 0, 0)),
        Map.entry("tz", Instant.parse("1970-01-01T00:00:00.000001Z")), Map.entry("u", new UUID(0, 0)),
        Map.entry("j", "{}"), Map.entry("jb", "[]"), Map.entry("by", new byte[0]), Map.entry("e", "sad"))));
    rows.add(row(table, 2, Map.ofEntries(
        Map.entry("i2", (long) Short.MAX_VALUE), Map.entry("i4", (long) Integer.MAX_VALUE),
        Map.entry("i8", Long.MAX_VALUE), Map.entry("dec", new BigDecimal("9999999999999999999999999999.9999999999")),
        Map.entry("num", new BigDecimal("123456789012345678901234567890.123456789012345678901234567890")),
        Map.entry("f4", (double) Float.MAX_VALUE), Map.entry("f8", Double.MIN_VALUE), Map.entry("b", true),
        Map.entry("ch", "\u00e4\u00f6\u00fc"), Map.entry("vc", "tab\there\nnew line\r\\ back \\N \\. \"'|,;"),
        Map.entry("tx", "\uD83D\uDE00 \uFFFD \u4e16\u754c \uD800\uDC00 \u0001"),
        Map.entry("d", LocalDate.of(9999, 12, 31)), Map.entry("t", LocalTime.of(23, 59, 59, 999_999_000)),
        Map.entry("ts", LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000)),
        Map.entry("tz", Instant.parse("2262-04-11T23:47:16.854775Z")),
        Map.entry("u", new UUID(-1, -1)), Map.entry("j", "{\"a\":[1,2.50,{\"z\":null}],\"b\":\"\u00fc\\t\uD83D\uDE00\"}"),
        Map.entry("jb", "{\"k\":{\"nested\":true},\"n\":-0.001}"), Map.entry("by", everyByte), Map.entry("e", "happy"))));
    rows.add(row(table, 3, Map.of("f4", Double.NaN, "f8", Double.NaN)));
    rows.add(row(table, 4, Map.of("f4", Double.POSITIVE_INFINITY, "f8", Double.NEGATIVE_INFINITY)));
    rows.add(row(table, 5, Map.of("f4", Double.NEGATIVE_INFINITY, "f8", Double.POSITIVE_INFINITY)));
    rows.add(row(table, 6, Map.of("tx", "\u00e9\uD83D\uDE00\\\t".repeat(1 << 18), "by", megabyte)));
    rows.add(row(table, 7, Map.of("d", LocalDate.MAX, "ts", LocalDateTime.MIN)));
    rows.add(row(table, 8, Map.of("d", LocalDate.of(-44, 3, 15), "ts", LocalDateTime.of(0, 12, 31, 23, 59, 59, 1000),
        "tz", Instant.parse("-0100-06-01T00:00:00.5Z"))));
    return rows;
  }

  private static List<Row> withFillers(TableSchema table, List<Row> edgeRows) {
    List<Row> rows = new ArrayList<>(edgeRows);
    for (long id = 100; id < 1200; id++) {
      rows.add(row(table, id, Map.of("i4", id, "vc", "filler " + id, "ts", LocalDateTime.of(2025, 1, 1, 0, 0)
          .plusNanos(id * 1000), "f8", id / 3.0, "dec", BigDecimal.valueOf(id, 3))));
    }
    return rows;
  }

  private static Row row(TableSchema table, long id, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("id", id);
    return Row.fromMap(table.layout(), all);
  }
}
