package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB's handlers on top of the standard ones.
 *
 * <ul>
 *   <li>{@code BIGINT UNSIGNED} reads as {@code Long} up to {@link Long#MAX_VALUE} and as {@code
 *       BigDecimal} above; the other integer widths, signed or not, fit a {@code Long}.
 *   <li>{@code FLOAT} and {@code DOUBLE} cannot store NaN or the infinities: binding one fails.
 *   <li>Dates and times are read from their text, so that MariaDB's zero dates can be recognised.
 *       <b>Zero-date rule:</b> a {@code DATE}, {@code DATETIME} or {@code TIMESTAMP} whose month or day
 *       is zero (such as {@code 0000-00-00}, which MariaDB stores where its sql_mode allows it) reads
 *       as NULL, since no calendar date corresponds to it.
 *   <li>{@code TIMESTAMP} is an instant: it is selected as {@code UNIX_TIMESTAMP(column)} (see {@link
 *       MariaDbDialect#selectExpression}) and written through {@code FROM_UNIXTIME(?)} (see {@link
 *       MariaDbDialect#upsert}), both independent of the session's time zone. A zero timestamp reads as
 *       NULL. {@code DATETIME} is a wall time, {@code LocalDateTime}.
 *   <li>{@code TIME} reads as {@code LocalTime}; a duration outside 00:00..24:00, which MariaDB allows,
 *       fails the row.
 *   <li>{@code YEAR} reads as a {@code Long}.
 *   <li>{@code UUID} (10.7+) reads from and binds as its text.
 *   <li>{@code JSON} is an alias of {@code LONGTEXT} that the driver reports as {@code LONGTEXT}, so
 *       it reads as the stored text; documents the store wrote are canonical already.
 *   <li>{@code ENUM} and {@code SET} read as their text.
 * </ul>
 */
final class MariaDbTypeHandlers {
  private MariaDbTypeHandlers() {}

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter(Locale.ROOT);
  static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
      .toFormatter(Locale.ROOT);

  static final ColumnHandler UNSIGNED_BIGINTS = new ColumnHandler("mariadb-unsigned-bigints",
      typeName("BIGINT UNSIGNED"),
      (rs, i) -> {
        BigDecimal value = rs.getBigDecimal(i);
        return value == null || value.compareTo(LONG_MAX) > 0 ? value : (Object) value.longValueExact();
      },
      (st, i, v) -> st.setBigDecimal(i, Values.toBigDecimal(v)));

  static final ColumnHandler FLOATS = new ColumnHandler("mariadb-floats",
      StandardTypeHandlers.types(JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE),
      (rs, i) -> Values.orNull(rs, rs.getDouble(i)),
      (st, i, v) -> st.setDouble(i, finite(v)));

  static final ColumnHandler DATES = new ColumnHandler("mariadb-dates",
      StandardTypeHandlers.types(JDBCType.DATE).and(typeName("YEAR").negate()),
      (rs, i) -> zeroOrParse(rs, i, LocalDate::parse),
      (st, i, v) -> st.setString(i, Values.as(v, LocalDate.class).toString()));

  static final ColumnHandler YEARS = new ColumnHandler("mariadb-years",
      typeName("YEAR"),
      (rs, i) -> Values.orNull(rs, rs.getLong(i)),
      (st, i, v) -> st.setLong(i, Values.toLong(v)));

  static final ColumnHandler TIMES = new ColumnHandler("mariadb-times",
      StandardTypeHandlers.types(JDBCType.TIME),
      (rs, i) -> Values.parse(rs, i, text -> LocalTime.parse(text, TIME)),
      (st, i, v) -> st.setString(i, TIME.format(Values.as(v, LocalTime.class))));

  static final ColumnHandler DATE_TIMES = new ColumnHandler("mariadb-datetimes",
      StandardTypeHandlers.types(JDBCType.TIMESTAMP).and(typeName("TIMESTAMP").negate()),
      (rs, i) -> zeroOrParse(rs, i, text -> LocalDateTime.parse(text, DATE_TIME)),
      (st, i, v) -> st.setString(i, DATE_TIME.format(Values.as(v, LocalDateTime.class))));

  static final ColumnHandler TIMESTAMPS = new ColumnHandler("mariadb-timestamps",
      typeName("TIMESTAMP"),
      (rs, i) -> {
        BigDecimal seconds = rs.getBigDecimal(i);
        return seconds == null || seconds.signum() == 0 ? null : instant(seconds);
      },
      (st, i, v) -> st.setBigDecimal(i, epochSeconds(Values.toInstant(v))));

  static final ColumnHandler UUIDS = new ColumnHandler("mariadb-uuids",
      typeName("UUID"),
      (rs, i) -> Values.parse(rs, i, UUID::fromString),
      (st, i, v) -> st.setString(i, Values.as(v, UUID.class).toString()));

  static final DataTypeHandlers REGISTRY = DataTypeHandlers.standard().registerAll(DataTypeHandlers.of(List.of(
      UNSIGNED_BIGINTS, FLOATS, DATES, YEARS, TIMES, DATE_TIMES, TIMESTAMPS, UUIDS)));

  /** Whether a column is a {@code TIMESTAMP}, which is read and written as epoch seconds. */
  static boolean isTimestamp(Column column) {
    return column.typeName().equalsIgnoreCase("TIMESTAMP");
  }

  /** An instant as epoch seconds with a microsecond fraction, the form FROM_UNIXTIME takes. */
  static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1000, 6));
  }

  static double finite(Object value) {
    double d = Values.toDouble(value);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("MariaDB cannot store NaN or an infinite floating-point number");
    }
    return d;
  }

  private static Instant instant(BigDecimal epochSeconds) {
    BigDecimal whole = epochSeconds.setScale(0, RoundingMode.FLOOR);
    int nanos = epochSeconds.subtract(whole).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** Parses a date or date-time, or returns null for SQL NULL and for zero dates (see the rule above). */
  private static <T> @Nullable T zeroOrParse(ResultSet rs, int index, Function<String, T> parser)
      throws SQLException {
    String text = rs.getString(index);
    if (text == null || isZeroDate(text)) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("stored text is not in the expected format", e);
    }
  }

  static boolean isZeroDate(String text) {
    return text.length() >= 10 && (text.startsWith("00", 5) || text.startsWith("00", 8));
  }

  private static Predicate<Column> typeName(String name) {
    return StandardTypeHandlers.typeName(name);
  }
}
