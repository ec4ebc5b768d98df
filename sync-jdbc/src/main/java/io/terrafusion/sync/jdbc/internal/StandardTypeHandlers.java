package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The built-in handlers for standard JDBC types; see {@link DataTypeHandlers#standard()}. */
public final class StandardTypeHandlers {
  private StandardTypeHandlers() {}

  static final ColumnHandler INTEGERS = new ColumnHandler("integers",
      types(JDBCType.TINYINT, JDBCType.SMALLINT, JDBCType.INTEGER, JDBCType.BIGINT),
      (rs, i) -> Values.orNull(rs, rs.getLong(i)),
      (st, i, v) -> st.setLong(i, Values.toLong(v)));

  static final ColumnHandler DECIMALS = new ColumnHandler("decimals",
      types(JDBCType.DECIMAL, JDBCType.NUMERIC),
      (rs, i) -> rs.getBigDecimal(i),
      (st, i, v) -> st.setBigDecimal(i, Values.toBigDecimal(v)));

  static final ColumnHandler FLOATS = new ColumnHandler("floats",
      types(JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE),
      (rs, i) -> Values.orNull(rs, rs.getDouble(i)),
      (st, i, v) -> st.setDouble(i, Values.toDouble(v)));

  static final ColumnHandler STRINGS = new ColumnHandler("strings",
      types(JDBCType.CHAR, JDBCType.VARCHAR, JDBCType.LONGVARCHAR, JDBCType.NCHAR, JDBCType.NVARCHAR,
          JDBCType.LONGNVARCHAR, JDBCType.CLOB, JDBCType.NCLOB),
      (rs, i) -> rs.getString(i),
      (st, i, v) -> st.setString(i, Values.as(v, String.class)));

  static final ColumnHandler BOOLEANS = new ColumnHandler("booleans",
      types(JDBCType.BOOLEAN, JDBCType.BIT),
      (rs, i) -> Values.orNull(rs, rs.getBoolean(i)),
      (st, i, v) -> st.setBoolean(i, Values.as(v, Boolean.class)));

  static final ColumnHandler DATES = new ColumnHandler("dates",
      types(JDBCType.DATE),
      (rs, i) -> rs.getObject(i, LocalDate.class),
      (st, i, v) -> st.setObject(i, Values.as(v, LocalDate.class)));

  static final ColumnHandler TIMES = new ColumnHandler("times",
      types(JDBCType.TIME),
      (rs, i) -> rs.getObject(i, LocalTime.class),
      (st, i, v) -> st.setObject(i, Values.as(v, LocalTime.class)));

  static final ColumnHandler TIMESTAMPS = new ColumnHandler("timestamps",
      types(JDBCType.TIMESTAMP),
      (rs, i) -> rs.getObject(i, LocalDateTime.class),
      (st, i, v) -> st.setObject(i, Values.as(v, LocalDateTime.class)));

  static final ColumnHandler INSTANTS = new ColumnHandler("instants",
      types(JDBCType.TIMESTAMP_WITH_TIMEZONE),
      (rs, i) -> {
        OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
      },
      (st, i, v) -> st.setObject(i, OffsetDateTime.ofInstant(Values.toInstant(v), ZoneOffset.UTC)));

  static final ColumnHandler BYTES = new ColumnHandler("bytes",
      types(JDBCType.BINARY, JDBCType.VARBINARY, JDBCType.LONGVARBINARY, JDBCType.BLOB),
      (rs, i) -> rs.getBytes(i),
      (st, i, v) -> st.setBytes(i, Values.as(v, byte[].class)));

  static final ColumnHandler UUIDS = new ColumnHandler("uuids",
      typeName("UUID"),
      (rs, i) -> rs.getObject(i, UUID.class),
      (st, i, v) -> st.setObject(i, Values.as(v, UUID.class)));

  static final ColumnHandler JSON = new ColumnHandler("json",
      typeName("JSON"),
      (rs, i) -> {
        String text = rs.getString(i);
        return text == null ? null : JsonText.canonical(text);
      },
      (st, i, v) -> st.setString(i, Values.as(v, String.class)));

  /** The registry of {@link DataTypeHandlers#standard()}. */
  public static final DataTypeHandlers REGISTRY = DataTypeHandlers.of(List.of(
      INTEGERS, DECIMALS, FLOATS, STRINGS, BOOLEANS, DATES, TIMES, TIMESTAMPS, INSTANTS, BYTES, UUIDS, JSON));

  static Predicate<Column> types(JDBCType first, JDBCType... rest) {
    Set<JDBCType> set = EnumSet.of(first, rest);
    return column -> set.contains(column.jdbcType());
  }

  static Predicate<Column> typeName(String name) {
    return column -> column.typeName().equalsIgnoreCase(name);
  }
}
