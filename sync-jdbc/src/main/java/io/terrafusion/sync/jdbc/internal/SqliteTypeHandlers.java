package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.jdbc.DataTypeHandlers;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * SQLite's handlers on top of the standard ones: SQLite has no date, boolean, decimal or UUID storage
 * of its own, so dates and times are ISO-8601 text (which sorts chronologically), booleans 0/1,
 * decimals are read from their text form so that no binary rounding is added, and UUIDs are their
 * lower-case text (which sorts like their unsigned bytes).
 */
final class SqliteTypeHandlers {
  private SqliteTypeHandlers() {}

  // ISO_LOCAL_TIME always writes seconds (LocalTime.toString drops zero seconds) and as many
  // fraction digits as needed, so values round-trip exactly.
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  static final ColumnHandler BOOLEANS = new ColumnHandler("sqlite-booleans",
      StandardTypeHandlers.types(JDBCType.BOOLEAN),
      (rs, i) -> Values.orNull(rs, rs.getLong(i) != 0),
      (st, i, v) -> st.setInt(i, Values.as(v, Boolean.class) ? 1 : 0));

  static final ColumnHandler DECIMALS = new ColumnHandler("sqlite-decimals",
      StandardTypeHandlers.types(JDBCType.DECIMAL, JDBCType.NUMERIC),
      (rs, i) -> Values.parse(rs, i, BigDecimal::new),
      (st, i, v) -> st.setString(i, Values.toBigDecimal(v).toPlainString()));

  static final ColumnHandler DATES = new ColumnHandler("sqlite-dates",
      StandardTypeHandlers.types(JDBCType.DATE),
      (rs, i) -> Values.parse(rs, i, LocalDate::parse),
      (st, i, v) -> st.setString(i, Values.as(v, LocalDate.class).toString()));

  static final ColumnHandler TIMES = new ColumnHandler("sqlite-times",
      StandardTypeHandlers.types(JDBCType.TIME),
      (rs, i) -> Values.parse(rs, i, text -> LocalTime.parse(text, TIME)),
      (st, i, v) -> st.setString(i, TIME.format(Values.as(v, LocalTime.class))));

  static final ColumnHandler TIMESTAMPS = new ColumnHandler("sqlite-timestamps",
      StandardTypeHandlers.types(JDBCType.TIMESTAMP),
      (rs, i) -> Values.parse(rs, i, SqliteTypeHandlers::localDateTime),
      (st, i, v) -> st.setString(i, DATE_TIME.format(Values.as(v, LocalDateTime.class))));

  static final ColumnHandler INSTANTS = new ColumnHandler("sqlite-instants",
      StandardTypeHandlers.types(JDBCType.TIMESTAMP_WITH_TIMEZONE),
      (rs, i) -> Values.parse(rs, i, text -> OffsetDateTime.parse(text).toInstant()),
      (st, i, v) -> st.setString(i, Values.toInstant(v).toString()));

  static final ColumnHandler UUIDS = new ColumnHandler("sqlite-uuids",
      StandardTypeHandlers.typeName("UUID"),
      (rs, i) -> Values.parse(rs, i, UUID::fromString),
      (st, i, v) -> st.setString(i, Values.as(v, UUID.class).toString()));

  static final DataTypeHandlers REGISTRY = DataTypeHandlers.standard().registerAll(DataTypeHandlers.of(List.of(
      BOOLEANS, DECIMALS, DATES, TIMES, TIMESTAMPS, INSTANTS, UUIDS)));

  /** Accepts SQLite's own {@code yyyy-MM-dd HH:mm:ss} form as well as ISO-8601 with {@code T}. */
  private static LocalDateTime localDateTime(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    return LocalDateTime.parse(iso, DATE_TIME);
  }
}
