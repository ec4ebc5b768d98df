package io.terrafusion.sync.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;

/**
 * PostgreSQL 15 or later through PgJDBC. String keys compare under {@code COLLATE "C"} (byte-wise over
 * UTF-8, the canonical order) whatever the column's collation; when that differs from the column's,
 * PostgreSQL cannot walk the primary-key index in that order and sorts each page. Enum keys compare
 * as their text, not in declaration order. Upserts skip rows whose values are all unchanged, so that
 * re-applying a batch rewrites nothing.
 */
public final class PostgresDialect implements Dialect {
  private static final Set<JDBCType> STRING_TYPES = EnumSet.of(JDBCType.CHAR, JDBCType.VARCHAR,
      JDBCType.LONGVARCHAR, JDBCType.NCHAR, JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB);
  static final String TARGET_ALIAS = "tfsync_target";

  private final BulkWriter bulkWriter = new PostgresBulkWriter(this);

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public int priority(DatabaseMetaData metaData) throws SQLException {
    return "PostgreSQL".equals(metaData.getDatabaseProductName()) ? 100 : -1;
  }

  /**
   * PgJDBC reports bool as BIT and timestamptz as TIMESTAMP; money, bit strings and timetz are given
   * types that no built-in handler takes, so that they fail clearly instead of converting wrongly.
   */
  @Override
  public JDBCType jdbcType(int dataType, String typeName) {
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "bool" -> JDBCType.BOOLEAN;
      case "timestamptz" -> JDBCType.TIMESTAMP_WITH_TIMEZONE;
      case "timetz" -> JDBCType.TIME_WITH_TIMEZONE;
      case "money", "bit", "varbit" -> JDBCType.OTHER;
      default -> Dialect.super.jdbcType(dataType, typeName);
    };
  }

  @Override
  public DataTypeHandlers typeHandlers() {
    return PostgresTypeHandlers.REGISTRY;
  }

  @Override
  public String keyExpression(Column keyColumn, String expression) {
    if (PostgresTypeHandlers.isUserDefinedString(keyColumn)) {
      return "CAST(" + expression + " AS text) COLLATE \"C\"";
    }
    return STRING_TYPES.contains(keyColumn.jdbcType()) ? expression + " COLLATE \"C\"" : expression;
  }

  @Override
  public String upsert(TableId table, List<Column> columns, List<Column> key) {
    StringJoiner names = new StringJoiner(", ", " (", ")");
    StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
    for (Column column : columns) {
      names.add(quote(column.name()));
      values.add("?");
    }
    return "INSERT INTO " + qualify(table) + " AS " + TARGET_ALIAS + names + values + onConflict(columns, key);
  }

  @Override
  public Optional<BulkWriter> bulkWriter() {
    return Optional.of(bulkWriter);
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * The conflict clause of an upsert into a table aliased {@link #TARGET_ALIAS}: overwrite the non-key
   * columns only when one of them differs. json has no equality operator, so it compares as text.
   */
  String onConflict(List<Column> columns, List<Column> key) {
    Set<String> keyNames = new HashSet<>();
    StringJoiner keys = new StringJoiner(", ", " ON CONFLICT (", ")");
    for (Column column : key) {
      keyNames.add(column.name());
      keys.add(quote(column.name()));
    }
    StringJoiner updates = new StringJoiner(", ", " DO UPDATE SET ", "");
    StringJoiner current = new StringJoiner(", ", " WHERE ROW(", ")");
    StringJoiner incoming = new StringJoiner(", ", " IS DISTINCT FROM ROW(", ")");
    for (Column column : columns) {
      if (!keyNames.contains(column.name())) {
        String quoted = quote(column.name());
        updates.add(quoted + " = EXCLUDED." + quoted);
        current.add(comparable(column, TARGET_ALIAS + "." + quoted));
        incoming.add(comparable(column, "EXCLUDED." + quoted));
      }
    }
    if (columns.size() == key.size()) {
      return keys + " DO NOTHING";
    }
    return keys.toString() + updates + current + incoming;
  }

  private static String comparable(Column column, String expression) {
    return column.typeName().equalsIgnoreCase("json") ? "CAST(" + expression + " AS text)" : expression;
  }

  @Override
  public List<String> createChangeTable(TableId changeTable) {
    return List.of("CREATE TABLE IF NOT EXISTS " + qualify(changeTable) + " ("
            + quote(ChangeTriggers.SEQ) + " BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + quote(ChangeTriggers.TABLE_NAME) + " TEXT NOT NULL, "
            + quote(ChangeTriggers.OPERATION) + " CHAR(1) NOT NULL, "
            + quote(ChangeTriggers.KEY_VALUES) + " TEXT NOT NULL, "
            + quote(ChangeTriggers.CHANGED_AT) + " TIMESTAMPTZ NOT NULL DEFAULT now())",
        "CREATE INDEX IF NOT EXISTS " + quote(changeTable.name() + "_by_table") + " ON " + qualify(changeTable)
            + " (" + quote(ChangeTriggers.TABLE_NAME) + ", " + quote(ChangeTriggers.SEQ) + ")");
  }

  /**
   * One plpgsql function per table, fired by three row triggers. The function keeps the search path
   * of its creation, so an unqualified change table is the one beside the table whatever the firing
   * session's path. Temporal keys are formatted explicitly, independent of DateStyle and TimeZone.
   */
  @Override
  public List<String> createChangeTriggers(ChangeTriggers triggers) {
    String function = qualify(triggers.inSchema(triggers.baseName() + "_fn"));
    String body = "BEGIN\n"
        + "IF TG_OP = 'INSERT' THEN " + recordChange(triggers, 'I', "NEW") + ";\n"
        + "ELSIF TG_OP = 'UPDATE' THEN\n"
        + "  IF ROW" + keyRow(triggers, "OLD") + " IS DISTINCT FROM ROW" + keyRow(triggers, "NEW") + " THEN "
        + recordChange(triggers, 'D', "OLD") + "; END IF;\n"
        + "  " + recordChange(triggers, 'U', "NEW") + ";\n"
        + "ELSE " + recordChange(triggers, 'D', "OLD") + ";\n"
        + "END IF;\nRETURN NULL;\nEND";
    String tag = "$tfsync$";
    for (int i = 0; body.contains(tag); i++) {
      tag = "$tfsync" + i + "$";
    }
    List<String> statements = new ArrayList<>();
    statements.add("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql"
        + " SET search_path FROM CURRENT AS " + tag + body + tag);
    List<String> names = triggers.triggerNames();
    String[] events = {"INSERT", "UPDATE", "DELETE"};
    for (int i = 0; i < events.length; i++) {
      statements.add("DROP TRIGGER IF EXISTS " + quote(names.get(i)) + " ON " + qualify(triggers.table()));
      statements.add("CREATE TRIGGER " + quote(names.get(i)) + " AFTER " + events[i] + " ON " + qualify(triggers.table())
          + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }
    return statements;
  }

  @Override
  public List<String> dropChangeTriggers(ChangeTriggers triggers) {
    List<String> statements = new ArrayList<>();
    for (String name : triggers.triggerNames()) {
      statements.add("DROP TRIGGER IF EXISTS " + quote(name) + " ON " + qualify(triggers.table()));
    }
    statements.add("DROP FUNCTION IF EXISTS " + qualify(triggers.inSchema(triggers.baseName() + "_fn")) + "()");
    return statements;
  }

  @Override
  public String selectTriggers() {
    return "SELECT event_object_table, trigger_name FROM information_schema.triggers"
        + " WHERE event_object_schema = COALESCE(CAST(? AS text), current_schema())";
  }

  private String recordChange(ChangeTriggers triggers, char operation, String row) {
    return "INSERT INTO " + qualify(triggers.changeTable()) + ChangeCaptureSql.columns(this) + " VALUES ("
        + ChangeCaptureSql.literal(triggers.recordedName()) + ", '" + operation + "', CAST(json_build_array("
        + ChangeCaptureSql.keyArguments(this, triggers, row, PostgresDialect::keyValue) + ") AS text))";
  }

  private String keyRow(ChangeTriggers triggers, String row) {
    StringJoiner values = new StringJoiner(", ", "(", ")");
    for (Column column : triggers.key()) {
      values.add(row + "." + quote(column.name()));
    }
    return values.toString();
  }

  private static String keyValue(ChangeKeyKind kind, String reference) {
    return switch (kind) {
      case INTEGER, BOOLEAN -> reference;
      case STRING, DECIMAL, UUID -> "CAST(" + reference + " AS text)";
      case DATE -> "to_char(" + reference + ", 'YYYY-MM-DD')";
      case TIMESTAMP -> "to_char(" + reference + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
      case INSTANT -> "to_char(" + reference + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
      case BYTES -> "encode(" + reference + ", 'hex')";
    };
  }

  /**
   * Reads {@code now()} and the oldest {@code xact_start} of the other client sessions of the same
   * database in {@code pg_stat_activity}. Without superuser rights or {@code pg_read_all_stats}, the
   * sessions of other roles show no {@code xact_start}, and so do not hold the horizon back.
   */
  @Override
  public Optional<String> clockQuery() {
    return Optional.of("SELECT EXTRACT(EPOCH FROM now()), LOCALTIMESTAMP, EXTRACT(EPOCH FROM min(xact_start)),"
        + " CAST(min(xact_start) AS TIMESTAMP) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL");
  }

  /**
   * Checksum fields in PostgreSQL's own functions, independent of the session's time zone and date
   * style; {@code char(n)} is padded again to its length, as reads return it. {@code to_char} writes
   * years before 1 AD without their era, so such dates (and infinities) have no field, and their rows
   * hash randomly.
   */
  @Override
  public Optional<String> checksumField(Column column) {
    String q = quote(column.name());
    return CanonicalForm.of(this, column).map(form -> switch (form) {
      case INTEGER, DECIMAL -> "'n' || CAST(" + q + " AS text)";
      case DOUBLE -> "'f' || CAST(" + q + " AS text)";
      case SINGLE -> "'r" + name() + ":' || CAST(" + q + " AS text)";
      case STRING -> "'s' || " + checksumEscape(column.typeName().equalsIgnoreCase("bpchar")
          ? "rpad(CAST(" + q + " AS text), " + column.size() + ")" : "CAST(" + q + " AS text)");
      case BOOLEAN -> "CASE WHEN " + q + " THEN 'b1' WHEN NOT " + q + " THEN 'b0' END";
      case DATE -> anno(q, "DATE '0001-01-01'", "'d' || to_char(" + q + ", 'YYYY-MM-DD')");
      case TIME -> "'t' || to_char(" + q + ", 'HH24:MI:SS.US')";
      case TIMESTAMP -> anno(q, "TIMESTAMP '0001-01-01 00:00:00'", "'l' || to_char(" + q + ", 'YYYY-MM-DD HH24:MI:SS.US')");
      case INSTANT -> anno(q, "TIMESTAMPTZ '0001-01-01 00:00:00+00'",
          "'i' || to_char(" + q + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')");
      case BYTES -> "'x' || encode(" + q + ", 'hex')";
      case UUID -> "'u' || CAST(" + q + " AS text)";
      // Through jsonb, as the engine's canonical JSON: key order, spacing and number notation
      // (1e3 is 1000) no longer matter, so a json column the engine wrote compares equal to the original.
      case JSON -> "'j" + name() + ":' || " + checksumEscape("CAST(CAST(" + q + " AS jsonb) AS text)");
    });
  }

  /**
   * MD5 of the text in the database's encoding, which is the encoding's UTF-8 on a UTF8 database (a
   * {@code convert_to} would cost an eighth of the query). On a database of another encoding the
   * hashes of non-ASCII text differ from other databases' hashes, which costs time (rows are
   * compared), never correctness. A NULL text hashes randomly.
   */
  @Override
  public Optional<String> checksumHash(String text) {
    return Optional.of("COALESCE(CAST(CAST('x' || substr(md5(" + text + "), 1, 15) AS bit(60)) AS bigint),"
        + " CAST(floor(random() * 1152921504606846976) AS bigint))");
  }

  private static String anno(String quoted, String firstDay, String field) {
    return "CASE WHEN " + quoted + " >= " + firstDay + " THEN " + field + " END";
  }

  /**
   * The planner's estimate, {@code pg_class.reltuples}, kept by ANALYZE, VACUUM and autovacuum;
   * empty for a table never analyzed (PostgreSQL 14 and later say -1 there).
   */
  @Override
  public OptionalLong estimatedRowCount(Connection connection, TableId table) throws SQLException {
    String sql = "SELECT c.reltuples FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = COALESCE(CAST(? AS text), current_schema()) AND c.relname = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return OptionalLong.empty();
        }
        double estimate = rows.getDouble(1);
        return estimate < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(estimate));
      }
    }
  }
}
