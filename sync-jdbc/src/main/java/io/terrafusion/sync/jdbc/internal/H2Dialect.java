package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * H2 2.x. H2 compares strings as Java strings (UTF-16 units), which puts characters beyond the Basic
 * Multilingual Plane before U+E000..U+FFFF; string keys therefore compare through {@code
 * STRINGTOUTF8}, whose binary order is the canonical one. The cost: such comparisons cannot use the
 * primary-key index, so H2 sorts each page of a table with string keys.
 */
public final class H2Dialect implements Dialect {
  private static final Set<JDBCType> STRING_TYPES = EnumSet.of(JDBCType.CHAR, JDBCType.VARCHAR,
      JDBCType.LONGVARCHAR, JDBCType.NCHAR, JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB);

  // H2 parses bytes bound to a JSON column as JSON text; a bound string would become a JSON string.
  static final ColumnHandler JSON = new ColumnHandler("h2-json",
      StandardTypeHandlers.typeName("JSON"),
      (rs, i) -> {
        byte[] bytes = rs.getBytes(i);
        return bytes == null ? null : JsonText.canonical(new String(bytes, StandardCharsets.UTF_8));
      },
      (st, i, v) -> st.setBytes(i, Values.as(v, String.class).getBytes(StandardCharsets.UTF_8)));

  private static final DataTypeHandlers HANDLERS = DataTypeHandlers.standard().register(JSON);

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public int priority(DatabaseMetaData metaData) throws SQLException {
    return "H2".equals(metaData.getDatabaseProductName()) ? 100 : -1;
  }

  @Override
  public DataTypeHandlers typeHandlers() {
    return HANDLERS;
  }

  @Override
  public String keyExpression(Column keyColumn, String expression) {
    return STRING_TYPES.contains(keyColumn.jdbcType()) ? "STRINGTOUTF8(" + expression + ")" : expression;
  }

  @Override
  public String upsert(TableId table, List<Column> columns, List<Column> key) {
    StringJoiner names = new StringJoiner(", ", " (", ")");
    StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
    for (Column column : columns) {
      names.add(quote(column.name()));
      values.add("?");
    }
    StringJoiner keys = new StringJoiner(", ", " KEY (", ")");
    for (Column column : key) {
      keys.add(quote(column.name()));
    }
    return "MERGE INTO " + qualify(table) + names + keys + values;
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * Checksum fields in H2's own functions. Years are proleptic ({@code uuuu}), so that years before
   * 1 AD keep their sign; fractions of a second are formatted to nanoseconds and lose their last three
   * digits when those are zero; a timestamp with time zone is formatted at UTC.
   */
  @Override
  public Optional<String> checksumField(Column column) {
    String q = quote(column.name());
    return CanonicalForm.of(this, column).map(form -> switch (form) {
      case INTEGER, DECIMAL -> "'n' || CAST(" + q + " AS VARCHAR)";
      case DOUBLE -> "'f' || CAST(" + q + " AS VARCHAR)";
      case SINGLE -> "'r" + name() + ":' || CAST(" + q + " AS VARCHAR)";
      case STRING -> "'s' || " + checksumEscape(q);
      case BOOLEAN -> "CASE WHEN " + q + " THEN 'b1' WHEN NOT " + q + " THEN 'b0' END";
      case DATE -> "'d' || FORMATDATETIME(" + q + ", 'uuuu-MM-dd')";
      case TIME -> "'t' || " + micros("FORMATDATETIME(" + q + ", 'HH:mm:ss.SSSSSSSSS')");
      case TIMESTAMP -> "'l' || " + micros("FORMATDATETIME(" + q + ", 'uuuu-MM-dd HH:mm:ss.SSSSSSSSS')");
      case INSTANT -> "'i' || " + micros("FORMATDATETIME(" + q + " AT TIME ZONE 'UTC', 'uuuu-MM-dd HH:mm:ss.SSSSSSSSS')");
      case BYTES -> "'x' || LOWER(RAWTOHEX(" + q + "))";
      case UUID -> "'u' || LOWER(CAST(" + q + " AS VARCHAR))";
      case JSON -> "'j" + name() + ":' || " + checksumEscape("CAST(" + q + " AS VARCHAR)");
    });
  }

  /**
   * H2's MD5; the first 8 bytes as a BIGINT shifted right unsigned by 4 bits are the first 15 hex
   * digits. A NULL text hashes randomly.
   */
  @Override
  public Optional<String> checksumHash(String text) {
    return Optional.of("COALESCE(URSHIFT(CAST(SUBSTRING(HASH('MD5', STRINGTOUTF8(" + text + ")), 1, 8) AS BIGINT), 4),"
        + " CAST(FLOOR(RAND() * 1152921504606846976) AS BIGINT))");
  }

  private static String micros(String nanos) {
    return "REGEXP_REPLACE(" + nanos + ", '000$', '')";
  }
}
