package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A MariaDB table of every supported type and rows of its edge values, in canonical form. */
final class EdgeRows {
  static final String COLUMNS = "(id INT PRIMARY KEY,"
      + " ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED,"
      + " i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, bo BOOLEAN, bt BIT(1), d DECIMAL(38,10), f DOUBLE,"
      + " fl FLOAT, s VARCHAR(100), t LONGTEXT, c CHAR(3), dt DATE, tm TIME(6), dtm DATETIME(6), ts TIMESTAMP(6) NULL,"
      + " yr YEAR, b VARBINARY(100), bl LONGBLOB, js JSON, en ENUM('red','green'), st SET('x','y'), u UUID)";

  private static final String MEGABYTE = "ab\tc\\d\ne\u00e4\uD83D\uDE00".repeat(100_000);

  private EdgeRows() {}

  static List<Row> rows(RowLayout layout) {
    byte[] blob = new byte[1 << 20];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (i * 31);
    }
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of(layout, 1L, -128L, 0L, -32768L, 0L, -8388608L, 0L, (long) Integer.MIN_VALUE, 0L, Long.MIN_VALUE, 0L,
        false, false, new BigDecimal("-9999999999999999999999999999.9999999999"), -Double.MAX_VALUE, -1.5,
        "", "", "", LocalDate.of(1000, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1000, 1, 1, 0, 0),
        Instant.parse("1970-01-01T00:00:01Z"), 1901L, new byte[0], new byte[0], "[]", "red", "", new UUID(0, 0)));
    rows.add(Row.of(layout, 2L, 127L, 255L, 32767L, 65535L, 8388607L, 16777215L, (long) Integer.MAX_VALUE,
        4294967295L, Long.MAX_VALUE, new BigDecimal("18446744073709551615"), true, true,
        new BigDecimal("9999999999999999999999999999.9999999999"), Double.MAX_VALUE, 3.25,
        "x".repeat(100), MEGABYTE, "abc", LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), Instant.parse("2038-01-19T03:14:07.999999Z"),
        2155L, new byte[] {0, -1, 9, 10, 13, 92, 78}, blob, "{\"a\":[1,2.5,\"x\\ty\"],\"b\":null}", "green", "x,y",
        new UUID(-1, -1)));
    rows.add(Row.of(layout, 3L, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    rows.add(Row.of(layout, 4L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, Long.MAX_VALUE + 0L, true, false,
        new BigDecimal("0.0000000001"), 2.2250738585072014E-308, 0.0,
        "\\N\t\n\r\\\u0000 end", "NULL", " a", LocalDate.of(2024, 2, 29), LocalTime.of(12, 0, 0, 1000),
        LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000), Instant.parse("2024-03-31T01:30:00.000001Z"),
        2024L, "\\N".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {0}, "\"\u00e4\uD83D\uDE00\"",
        "red", "y", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    rows.add(Row.of(layout, 5L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, true, true, BigDecimal.ONE, 1.0, 1.0,
        "a", "A", "\u00e4", LocalDate.of(1970, 1, 1), LocalTime.NOON, LocalDateTime.of(1970, 1, 1, 0, 0),
        Instant.parse("2000-01-01T00:00:00Z"), 2000L, new byte[] {1}, new byte[] {2}, "{}", "green", "x",
        UUID.fromString("ffffffff-0000-0000-0000-000000000001")));
    return rows;
  }

  /** Filler rows, so that a batch reaches the bulk threshold. */
  static List<Row> filler(RowLayout layout, int count) {
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Object[] values = new Object[layout.size()];
      values[0] = 1000L + n;
      values[layout.position("s")] = "filler " + n;
      rows.add(Row.wrap(layout, values));
    }
    return rows;
  }

  /** Asserts equal rows under CanonicalValues, naming the columns that differ. */
  static void assertSameRows(List<Row> actual, List<Row> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < expected.size(); r++) {
      Object[] a = actual.get(r).values();
      Object[] e = expected.get(r).values();
      for (int c = 0; c < e.length; c++) {
        if (!CanonicalValues.equal(a[c], e[c])) {
          differences.add(expected.get(r).key() + "." + expected.get(r).layout().column(c) + ": "
              + describe(a[c]) + " != " + describe(e[c]));
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  private static String describe(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes[" + bytes.length + "]" + (bytes.length < 10 ? Arrays.toString(bytes) : "");
    }
    String text = String.valueOf(value);
    return (value == null ? "" : value.getClass().getSimpleName() + " ") + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
  }
}
