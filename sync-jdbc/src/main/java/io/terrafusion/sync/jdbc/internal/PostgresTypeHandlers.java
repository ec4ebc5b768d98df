package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's handlers on top of the standard ones. PostgreSQL text cannot hold NUL, so strings with
 * one fail before they reach the server; numeric's NaN and infinities have no BigDecimal; float4 is
 * read as a float and widened, because PgJDBC's text and binary transfers would otherwise read the
 * same stored value as two different doubles; JSON and user-defined string types (enums, domains) are
 * bound untyped ({@link Types#OTHER}) so the server converts the text to the column's type.
 */
final class PostgresTypeHandlers {
  private PostgresTypeHandlers() {}

  /** The type names PgJDBC reports as VARCHAR for built-in character types; other VARCHARs are enums. */
  private static final Set<String> BUILT_IN_VARCHARS = Set.of("varchar", "text", "name");

  static final ColumnHandler STRINGS = new ColumnHandler("postgresql-strings",
      StandardTypeHandlers.types(JDBCType.CHAR, JDBCType.VARCHAR, JDBCType.LONGVARCHAR, JDBCType.NCHAR,
          JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB, JDBCType.NCLOB),
      (rs, i) -> rs.getString(i),
      (st, i, v) -> st.setString(i, text(v)));

  static final ColumnHandler DECIMALS = new ColumnHandler("postgresql-numerics",
      StandardTypeHandlers.types(JDBCType.DECIMAL, JDBCType.NUMERIC),
      (rs, i) -> Values.parse(rs, i, PostgresTypeHandlers::finiteDecimal),
      (st, i, v) -> st.setBigDecimal(i, Values.toBigDecimal(v)));

  static final ColumnHandler REALS = new ColumnHandler("postgresql-float4",
      StandardTypeHandlers.types(JDBCType.REAL),
      (rs, i) -> Values.orNull(rs, (double) rs.getFloat(i)),
      (st, i, v) -> st.setDouble(i, Values.toDouble(v)));

  static final ColumnHandler JSON = new ColumnHandler("postgresql-json",
      PostgresTypeHandlers::isJson,
      (rs, i) -> {
        String text = rs.getString(i);
        return text == null ? null : JsonText.canonical(text);
      },
      (st, i, v) -> st.setObject(i, text(v), Types.OTHER));

  static final DataTypeHandlers REGISTRY = DataTypeHandlers.standard()
      .registerAll(DataTypeHandlers.of(List.of(STRINGS, DECIMALS, REALS, JSON, new PostgresEnumHandler())));

  /** Whether the column is json or jsonb. */
  static boolean isJson(Column column) {
    String name = column.typeName().toLowerCase(Locale.ROOT);
    return name.equals("json") || name.equals("jsonb");
  }

  /** Whether the column is an enum or domain that PgJDBC reports as VARCHAR. */
  static boolean isUserDefinedString(Column column) {
    return column.jdbcType() == JDBCType.VARCHAR
        && !BUILT_IN_VARCHARS.contains(column.typeName().toLowerCase(Locale.ROOT));
  }

  /** A string for a text value, refusing NUL, which PostgreSQL text cannot hold. */
  static String text(Object value) {
    String text = Values.as(value, String.class);
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("PostgreSQL text cannot hold the NUL character (U+0000)");
    }
    return text;
  }

  private static BigDecimal finiteDecimal(String text) {
    if (text.equals("NaN") || text.endsWith("Infinity")) {
      throw new IllegalArgumentException("numeric " + text + " has no BigDecimal");
    }
    return new BigDecimal(text);
  }
}
