package io.terrafusion.sync.jdbc.internal;

import java.util.ArrayList;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SQLite 3.24 or later. SQLite's types are dynamic and its driver reports unreliable {@code
 * DATA_TYPE}s (a BLOB column as VARCHAR), so the JDBC type comes from the declared type name, by
 * SQLite's affinity rules refined for the names this library writes values for. Text compares with
 * the BINARY collation, byte-wise over UTF-8, which already is canonical order.
 */
public final class SqliteDialect implements Dialect {
  private static final Pattern PRECISION = Pattern.compile("\\([^)]*\\)");

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public int priority(DatabaseMetaData metaData) throws SQLException {
    return "SQLite".equals(metaData.getDatabaseProductName()) ? 100 : -1;
  }

  @Override
  public JDBCType jdbcType(int dataType, String typeName) {
    String name = declared(typeName);
    if (name.isEmpty() || name.contains("BLOB")) {
      return JDBCType.BLOB;
    }
    if (name.equals("BOOLEAN") || name.equals("BOOL")) {
      return JDBCType.BOOLEAN;
    }
    if (name.contains("INT")) {
      return JDBCType.BIGINT;
    }
    return switch (name) {
      case "DATE" -> JDBCType.DATE;
      case "TIME" -> JDBCType.TIME;
      case "DATETIME", "TIMESTAMP" -> JDBCType.TIMESTAMP;
      case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> JDBCType.TIMESTAMP_WITH_TIMEZONE;
      case "BINARY", "VARBINARY" -> JDBCType.VARBINARY;
      case "DECIMAL" -> JDBCType.DECIMAL;
      case "UUID" -> JDBCType.OTHER;
      default -> textOrNumber(name);
    };
  }

  @Override
  public DataTypeHandlers typeHandlers() {
    return SqliteTypeHandlers.REGISTRY;
  }

  @Override
  public String upsert(TableId table, List<Column> columns, List<Column> key) {
    StringJoiner names = new StringJoiner(", ", " (", ")");
    StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
    StringJoiner updates = new StringJoiner(", ", " DO UPDATE SET ", "");
    Set<String> keyNames = new HashSet<>();
    StringJoiner keys = new StringJoiner(", ", " ON CONFLICT (", ")");
    for (Column column : key) {
      keyNames.add(column.name());
      keys.add(quote(column.name()));
    }
    for (Column column : columns) {
      String quoted = quote(column.name());
      names.add(quoted);
      values.add("?");
      if (!keyNames.contains(column.name())) {
        updates.add(quoted + " = excluded." + quoted);
      }
    }
    String action = columns.size() == key.size() ? " DO NOTHING" : updates.toString();
    return "INSERT INTO " + qualify(table) + names + values + keys + action;
  }

  /**
   * The portable type, except that large text is {@code TEXT} (SQLite would give a {@code CLOB}
   * column the same TEXT affinity, but this dialect reads that name back as a CLOB), and a timestamp
   * with time zone is named without precision, which SQLite's grammar allows only at the end.
   */
  @Override
  public String columnType(Column column) {
    if (column.jdbcType() == JDBCType.TIMESTAMP_WITH_TIMEZONE) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    String portable = Dialect.super.columnType(column);
    return portable.equals("CLOB") ? "TEXT" : portable;
  }

  /** sqlite-jdbc gives no SQLState; derive one from the primary result code for retry classification. */
  @Override
  public @Nullable String sqlState(SQLException exception) {
    if (exception.getSQLState() != null) {
      return exception.getSQLState();
    }
    return switch (exception.getErrorCode() & 0xff) {
      case 5, 6 -> "40001";      // SQLITE_BUSY, SQLITE_LOCKED: another writer holds the lock
      case 19 -> "23000";        // SQLITE_CONSTRAINT
      case 20 -> "22000";        // SQLITE_MISMATCH
      case 14 -> "08001";        // SQLITE_CANTOPEN
      default -> null;
    };
  }

  @Override
  public String toString() {
    return name();
  }

  private static String declared(String typeName) {
    return PRECISION.matcher(typeName.toUpperCase(Locale.ROOT)).replaceAll(" ").trim().replaceAll("\\s+", " ");
  }

  private static JDBCType textOrNumber(String name) {
    if (name.contains("CLOB")) {
      return JDBCType.CLOB;
    }
    if (name.contains("CHAR") || name.contains("TEXT") || name.equals("JSON")) {
      return JDBCType.VARCHAR;
    }
    if (name.contains("REAL") || name.contains("FLOA") || name.contains("DOUB")) {
      return JDBCType.DOUBLE;
    }
    return JDBCType.NUMERIC;
  }

  @Override
  public List<String> createChangeTable(TableId changeTable) {
    return List.of("CREATE TABLE IF NOT EXISTS " + qualify(changeTable) + " ("
            + quote(ChangeTriggers.SEQ) + " INTEGER PRIMARY KEY AUTOINCREMENT, "
            + quote(ChangeTriggers.TABLE_NAME) + " TEXT NOT NULL, "
            + quote(ChangeTriggers.OPERATION) + " TEXT NOT NULL, "
            + quote(ChangeTriggers.KEY_VALUES) + " TEXT NOT NULL, "
            + quote(ChangeTriggers.CHANGED_AT) + " TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
        "CREATE INDEX IF NOT EXISTS " + quote(changeTable.name() + "_by_table") + " ON " + quote(changeTable.name())
            + " (" + quote(ChangeTriggers.TABLE_NAME) + ", " + quote(ChangeTriggers.SEQ) + ")");
  }

  /**
   * Three SQL triggers writing {@code json_array} of the key. The change table is named unqualified,
   * as SQLite requires inside a trigger; AUTOINCREMENT keeps sequence numbers from being reused once
   * the table is pruned empty. Dates and times already are their ISO text.
   */
  @Override
  public List<String> createChangeTriggers(ChangeTriggers triggers) {
    String table = qualify(triggers.table());
    String sameKey = ChangeCaptureSql.sameKey(this, triggers, (column, old, now) -> old + " IS " + now);
    List<String> names = triggers.triggerNames();
    List<String> bodies = List.of(
        "AFTER INSERT ON " + table + " FOR EACH ROW BEGIN " + recordChange(triggers, 'I', "NEW", "") + "; END",
        "AFTER UPDATE ON " + table + " FOR EACH ROW BEGIN " + recordChange(triggers, 'D', "OLD", " WHERE NOT " + sameKey)
            + "; " + recordChange(triggers, 'U', "NEW", "") + "; END",
        "AFTER DELETE ON " + table + " FOR EACH ROW BEGIN " + recordChange(triggers, 'D', "OLD", "") + "; END");
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      statements.add("DROP TRIGGER IF EXISTS " + quote(names.get(i)));
      statements.add("CREATE TRIGGER " + quote(names.get(i)) + " " + bodies.get(i));
    }
    return statements;
  }

  @Override
  public List<String> dropChangeTriggers(ChangeTriggers triggers) {
    List<String> statements = new ArrayList<>();
    for (String name : triggers.triggerNames()) {
      statements.add("DROP TRIGGER IF EXISTS " + quote(name));
    }
    return statements;
  }

  @Override
  public String selectTriggers() {
    return "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND COALESCE(?, 'main') = 'main'";
  }

  private String recordChange(ChangeTriggers triggers, char operation, String row, String condition) {
    return "INSERT INTO " + quote(triggers.changeTable().name()) + ChangeCaptureSql.columns(this) + " SELECT "
        + ChangeCaptureSql.literal(triggers.recordedName()) + ", '" + operation + "', json_array("
        + ChangeCaptureSql.keyArguments(this, triggers, row, SqliteDialect::keyValue) + ")" + condition;
  }

  private static String keyValue(ChangeKeyKind kind, String reference) {
    return switch (kind) {
      case DECIMAL -> "CAST(" + reference + " AS TEXT)";
      case BYTES -> "hex(" + reference + ")";
      default -> reference;
    };
  }

  /**
   * SQLite's clock: the moment from {@code julianday('now')} to the millisecond and the wall time of
   * the process's time zone; it has no view of other connections' transactions, so the lag alone
   * guards against late commits.
   */
  @Override
  public Optional<String> clockQuery() {
    return Optional.of("SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) / 1000.0,"
        + " strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime'), NULL, NULL");
  }
}
