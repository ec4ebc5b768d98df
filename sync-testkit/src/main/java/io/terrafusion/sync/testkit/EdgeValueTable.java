package io.terrafusion.sync.testkit;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A table of edge values for cross-database tests: the smallest and largest value of each type, NULLs,
 * empty strings and bytes, Unicode beyond the Basic Multilingual Plane, characters that bulk formats
 * must escape, timestamps with microseconds, a megabyte of text and of bytes, JSON, and, where both
 * databases can store them, NaN and the infinities.
 *
 * <p>The table is created with each database's own type names, and its rows are written through the
 * library's own store, so that a sync between any two databases can be checked with {@link
 * SyncAssertions}. This class is stateless and thread-safe.
 */
public final class EdgeValueTable {
  /** The table's name. */
  public static final TableId TABLE = TableId.of("edge_values");

  private static final String[] COLUMNS = {
    "id", "i16", "i32", "i64", "num", "dbl", "flag", "txt", "big", "d", "t", "ts", "tstz", "bin", "uid", "doc"
  };
  private static final Map<String, String[]> TYPES = Map.of(
      "h2", new String[] {"BIGINT", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL(15,4)", "DOUBLE PRECISION", "BOOLEAN",
        "VARCHAR(200)", "CLOB", "DATE", "TIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE", "BLOB", "UUID", "JSON"},
      "sqlite", new String[] {"BIGINT", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL(15,4)", "DOUBLE", "BOOLEAN",
        "VARCHAR(200)", "TEXT", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "BLOB", "UUID", "JSON"},
      "postgresql", new String[] {"BIGINT", "SMALLINT", "INTEGER", "BIGINT", "NUMERIC(15,4)", "DOUBLE PRECISION",
        "BOOLEAN", "VARCHAR(200)", "TEXT", "DATE", "TIME(6)", "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE", "BYTEA",
        "UUID", "JSONB"},
      "mariadb", new String[] {"BIGINT", "SMALLINT", "INT", "BIGINT", "DECIMAL(15,4)", "DOUBLE", "BOOLEAN",
        "VARCHAR(200)", "LONGTEXT", "DATE", "TIME(6)", "DATETIME(6)", "TIMESTAMP(6) NULL", "LONGBLOB", "UUID", "JSON"});

  private EdgeValueTable() {}

  /**
   * Creates the empty table with the database's own type names.
   *
   * @throws IllegalArgumentException if the database's dialect is not one of h2, sqlite, postgresql
   *     and mariadb
   */
  public static void createSchema(TestDatabase database) {
    String dialect = database.store().dialect().name();
    String[] types = TYPES.get(dialect);
    if (types == null) {
      throw new IllegalArgumentException("no edge-value table for dialect " + dialect + "; known: " + TYPES.keySet());
    }
    StringBuilder ddl = new StringBuilder("CREATE TABLE edge_values (");
    for (int i = 0; i < COLUMNS.length; i++) {
      ddl.append(i == 0 ? "" : ", ").append(COLUMNS[i]).append(' ').append(types[i]).append(i == 0 ? " NOT NULL PRIMARY KEY" : "");
    }
    database.execute(ddl.append(')').toString());
    database.store().refresh();
  }

  /**
   * Writes the edge rows into the (empty) table.
   *
   * @param withNonFinite whether to add the rows of NaN and the infinities, for databases that can
   *     store them at both ends
   */
  public static void fill(TestDatabase database, boolean withNonFinite) {
    TableSchema schema = database.store().table(TABLE).orElseThrow(
        () -> new IllegalStateException(database.label() + " has no table " + TABLE + "; call createSchema first"));
    List<Row> rows = new ArrayList<>();
    rows.add(row(schema, minimums()));
    rows.add(row(schema, maximums()));
    rows.add(row(schema, Map.of("id", 3L)));
    rows.add(row(schema, escapes()));
    if (withNonFinite) {
      rows.add(row(schema, Map.of("id", 5L, "dbl", Double.NaN)));
      rows.add(row(schema, Map.of("id", 6L, "dbl", Double.POSITIVE_INFINITY)));
      rows.add(row(schema, Map.of("id", 7L, "dbl", Double.NEGATIVE_INFINITY)));
    }
    database.store().apply(schema, new WriteBatch(rows, List.of()));
  }

  /** Whether a database of this dialect stores NaN and the infinities in a double column. */
  public static boolean storesNonFinite(TestDatabase database) {
    String dialect = database.store().dialect().name();
    return dialect.equals("h2") || dialect.equals("postgresql");
  }

  private static Map<String, Object> minimums() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", 1L);
    v.put("i16", (long) Short.MIN_VALUE);
    v.put("i32", (long) Integer.MIN_VALUE);
    v.put("i64", Long.MIN_VALUE);
    v.put("num", new BigDecimal("-99999999999.9999"));
    v.put("dbl", -Double.MAX_VALUE);
    v.put("flag", false);
    v.put("txt", "");
    v.put("big", "");
    v.put("d", LocalDate.of(1000, 1, 1));
    v.put("t", LocalTime.MIDNIGHT);
    v.put("ts", LocalDateTime.of(1000, 1, 1, 0, 0));
    v.put("tstz", Instant.parse("1970-01-01T00:00:01Z"));
    v.put("bin", new byte[0]);
    v.put("uid", new UUID(0, 0));
    v.put("doc", "{}");
    return v;
  }

  private static Map<String, Object> maximums() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", 2L);
    v.put("i16", (long) Short.MAX_VALUE);
    v.put("i32", (long) Integer.MAX_VALUE);
    v.put("i64", Long.MAX_VALUE);
    v.put("num", new BigDecimal("99999999999.9999"));
    v.put("dbl", Double.MAX_VALUE);
    v.put("flag", true);
    v.put("txt", "max 😀 ä Ä \uFFFD 業主 " + "z".repeat(150));
    v.put("big", "長い文章 😀 ".repeat(80_000));
    v.put("d", LocalDate.of(9999, 12, 31));
    v.put("t", LocalTime.of(23, 59, 59, 999_999_000));
    v.put("ts", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
    v.put("tstz", Instant.parse("2038-01-19T03:14:07.999999Z"));
    byte[] bytes = new byte[1 << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    v.put("bin", bytes);
    v.put("uid", new UUID(-1, -1));
    v.put("doc", "{\"a\":null,\"b\":[1,2.50,\"x\"],\"c\":{\"z\":true,\"y\":\"😀\"}}");
    return v;
  }

  private static Map<String, Object> escapes() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", 4L);
    v.put("i16", 0L);
    v.put("dbl", 1.0e-300);
    v.put("num", new BigDecimal("0.0001"));
    v.put("txt", "tab\there, new\nline, cr\r, back\\slash, 'single' \"double\" `tick` \\N ,;|");
    v.put("big", "\\.\n\\N\n");
    v.put("t", LocalTime.of(12, 0, 0, 1000));
    v.put("ts", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
    v.put("tstz", Instant.parse("2024-07-01T12:00:00.000001Z"));
    v.put("bin", new byte[] {0, '\t', '\n', '\\', (byte) 0xFF, ',', '"'});
    v.put("doc", "[\"tab\\t\", \"quote\\\"\", 1e3]");
    return v;
  }

  private static Row row(TableSchema schema, Map<String, Object> values) {
    Objects.requireNonNull(values.get("id"), "id");
    return Row.fromMap(schema.layout(), values);
  }
}
