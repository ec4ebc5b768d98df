package io.terrafusion.sync.jdbc.internal;

import java.util.ArrayList;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
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

  // By name, not by class literal: H2ChangeTrigger extends an H2 class, and this dialect must load
  // where H2 is absent.
  static final String TRIGGER_CLASS = "io.terrafusion.sync.jdbc.internal.H2ChangeTrigger";

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

  @Override
  public List<String> createChangeTable(TableId changeTable) {
    return List.of("CREATE TABLE IF NOT EXISTS " + qualify(changeTable) + " ("
            + quote(ChangeTriggers.SEQ) + " BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + quote(ChangeTriggers.TABLE_NAME) + " CHARACTER VARYING(255) NOT NULL, "
            + quote(ChangeTriggers.OPERATION) + " CHARACTER(1) NOT NULL, "
            + quote(ChangeTriggers.KEY_VALUES) + " CHARACTER VARYING NOT NULL, "
            + quote(ChangeTriggers.CHANGED_AT) + " TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)",
        "CREATE INDEX IF NOT EXISTS " + qualify(new TableId(changeTable.schema(), changeTable.name() + "_by_table"))
            + " ON " + qualify(changeTable) + " (" + quote(ChangeTriggers.TABLE_NAME) + ", " + quote(ChangeTriggers.SEQ) + ")");
  }

  /**
   * Three row triggers calling {@link H2ChangeTrigger}, which H2 loads by name from the class path
   * (or, on the module path, from this module, which exports the class to H2). The trigger reads the
   * key columns itself, so the kinds of the key are checked here, before H2 would fail at the first
   * change.
   */
  @Override
  public List<String> createChangeTriggers(ChangeTriggers triggers) {
    triggers.key().forEach(ChangeKeyKind::of);
    List<String> names = triggers.triggerNames();
    String[] events = {"INSERT", "UPDATE", "DELETE"};
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      String trigger = qualify(triggers.inSchema(names.get(i)));
      statements.add("DROP TRIGGER IF EXISTS " + trigger);
      statements.add("CREATE TRIGGER " + trigger + " AFTER " + events[i] + " ON " + qualify(triggers.table())
          + " FOR EACH ROW CALL " + ChangeCaptureSql.literal(TRIGGER_CLASS));
    }
    return statements;
  }

  @Override
  public List<String> dropChangeTriggers(ChangeTriggers triggers) {
    return ChangeCaptureSql.dropSchemaTriggers(this, triggers);
  }

  @Override
  public String selectTriggers() {
    return "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
        + " WHERE EVENT_OBJECT_SCHEMA = COALESCE(CAST(? AS VARCHAR), CURRENT_SCHEMA)";
  }

  /**
   * Reads the clock and, from {@code INFORMATION_SCHEMA.SESSIONS}, which tells no transaction start,
   * the start of each other session that holds uncommitted changes (its transaction began no
   * earlier) or else of the statement it is executing. A session whose open transaction has not
   * written yet is not seen.
   */
  @Override
  public Optional<String> clockQuery() {
    return Optional.of("SELECT EXTRACT(EPOCH FROM CURRENT_TIMESTAMP), LOCALTIMESTAMP, EXTRACT(EPOCH FROM MIN(S)),"
        + " CAST((MIN(S) AT LOCAL) AS TIMESTAMP) FROM (SELECT CASE WHEN CONTAINS_UNCOMMITTED THEN SESSION_START"
        + " ELSE EXECUTING_STATEMENT_START END AS S FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()) T");
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

  /** H2 holds a window function's whole input in memory: a large table's one-query split runs out of heap. */
  @Override
  public boolean checksumSplitInOneQuery() {
    return false;
  }
}
