package io.terrafusion.sync.jdbc.internal;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB 10.3 or later (UUID columns need 10.7), and MySQL where the SQL is the same, through MariaDB
 * Connector/J 3.x.
 *
 * <p><b>Databases.</b> The driver calls each database a catalog and reports no schema, so the store
 * lists the tables of the connection's current database, the one in the JDBC URL.
 *
 * <p><b>Key order.</b> MariaDB's default collations ({@code utf8mb4_general_ci}, {@code _uca1400_ai_ci})
 * ignore case and accents, so string keys compare through {@code BINARY}, byte-wise over UTF-8, which
 * is canonical order whatever the column's collation. The cost: such comparisons cannot use the
 * primary-key index, so MariaDB sorts each page of a table with string keys. UUID keys compare as
 * their text, because MariaDB orders its UUID type by swapped fields.
 *
 * <p><b>Case-insensitive keys at the target.</b> A primary key in a case-insensitive collation holds
 * {@code a} and {@code A} as one key (and {@code utf8mb4_general_ci} even holds every character beyond
 * the Basic Multilingual Plane as one), so the upsert of the second overwrites the first; a PAD SPACE
 * collation, {@code utf8mb4_bin} among them, holds {@code a} and {@code a } as one. This dialect does
 * not detect such collisions: target tables whose string keys may differ only so need their key
 * columns in {@code COLLATE utf8mb4_nopad_bin} (MariaDB 10.2+; {@code utf8mb4_bin} is enough when
 * keys have no trailing spaces).
 *
 * <p><b>Limits.</b> A {@code TIMESTAMP} column cannot be part of a primary key (its values are bound
 * as epoch seconds, which key equality does not convert); use {@code DATETIME} there. The driver
 * reports {@code JSON} columns as {@code LONGTEXT}, so their text is read as stored, not re-encoded
 * canonically. {@code BIT(n)} for n > 1 is not supported.
 *
 * <p><b>Upserts</b> are {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MariaDB counts an
 * updated row twice in the update count; the store does not rely on counts), so a table with a second
 * unique key besides the primary key may see the wrong row updated.
 *
 * <p><b>Driver settings.</b> Connector/J 3.x sends a batch of prepared statements as one bulk command
 * when {@code useBulkStmts=true} (its default) and, on servers or proxies without bulk commands,
 * rewrites a batch into multi-row statements with {@code rewriteBatchedStatements=true}; put the
 * latter in the URL only then. The bulk path needs {@code allowLocalInfile=true} (the 3.x default) and
 * the server's {@code local_infile=ON}; see {@link MariaDbBulkWriter}. For exact {@code TIMESTAMP}
 * values in the daylight-saving fall-back hour, give the session a fixed offset: {@code
 * connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true}.
 */
public final class MariaDbDialect implements Dialect {
  private static final Pattern JSON_CHECK = Pattern.compile("(?i)json_valid\\(`((?:[^`]|``)+)`\\)");
  private static final Set<JDBCType> STRING_TYPES = EnumSet.of(JDBCType.CHAR, JDBCType.VARCHAR,
      JDBCType.LONGVARCHAR, JDBCType.NCHAR, JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB);
  private final BulkWriter bulk = new MariaDbBulkWriter(this);

  @Override
  public String name() {
    return "mariadb";
  }

  /** 100 for MariaDB, 50 for MySQL (whose product name the driver also reports in MySQL mode). */
  @Override
  public int priority(DatabaseMetaData metaData) throws SQLException {
    return switch (metaData.getDatabaseProductName()) {
      case "MariaDB" -> 100;
      case "MySQL" -> 50;
      default -> -1;
    };
  }

  /** Backticks, doubling embedded backticks. */
  @Override
  public String quote(String identifier) {
    if (identifier.isBlank() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier must be non-blank and free of NUL characters");
    }
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override
  public DataTypeHandlers typeHandlers() {
    return MariaDbTypeHandlers.REGISTRY;
  }

  /**
   * A {@code TIMESTAMP} is a moment (stored in UTC, shown in the session's time zone), what JDBC calls
   * TIMESTAMP WITH TIME ZONE; the driver reports it as a plain TIMESTAMP, the type of DATETIME.
   */
  @Override
  public JDBCType jdbcType(int dataType, String typeName) {
    return typeName.equalsIgnoreCase("TIMESTAMP") ? JDBCType.TIMESTAMP_WITH_TIMEZONE : Dialect.super.jdbcType(dataType, typeName);
  }

  /**
   * Columns declared {@code JSON}, which MariaDB keeps as {@code LONGTEXT} with a {@code json_valid}
   * check and the driver reports as LONGTEXT, are named JSON again, so that they are read as canonical
   * JSON text and created as JSON.
   */
  @Override
  public List<Column> refineColumns(Connection connection, TableId table, List<Column> columns) throws SQLException {
    Set<String> json = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
        + " WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Matcher m = JSON_CHECK.matcher(rs.getString(1));
          if (m.matches()) {
            json.add(m.group(1).replace("``", "`"));
          }
        }
      }
    }
    if (json.isEmpty()) {
      return columns;
    }
    List<Column> refined = new ArrayList<>(columns.size());
    for (Column c : columns) {
      refined.add(json.contains(c.name()) ? new Column(c.name(), c.jdbcType(), "JSON", c.size(), c.scale(), c.nullable()) : c);
    }
    return refined;
  }

  /**
   * MariaDB's spelling of the portable types: DATETIME for a wall-clock timestamp (its TIMESTAMP is a
   * moment that ends in 2038), TIMESTAMP for a moment, LONGTEXT and LONGBLOB for large values (TEXT
   * and BLOB end at 64 KB).
   */
  @Override
  public String columnType(Column column) {
    int fraction = column.scale() >= 1 && column.scale() <= 6 ? column.scale() : 6;
    return switch (column.jdbcType()) {
      case TIMESTAMP -> "DATETIME(" + fraction + ")";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP(" + fraction + ") NULL";
      case TIME -> "TIME(" + fraction + ")";
      case DOUBLE, FLOAT -> "DOUBLE";
      default -> {
        String portable = Dialect.super.columnType(column);
        yield portable.equals("CLOB") ? "LONGTEXT" : portable.equals("BLOB") ? "LONGBLOB" : portable;
      }
    };
  }

  /**
   * Creates the table with a byte-wise collation, {@code utf8mb4_nopad_bin}: under MariaDB's default
   * collations keys that differ only in case (or in trailing spaces) would collide, where every other
   * supported database keeps them apart.
   */
  @Override
  public String createTable(TableId table, List<Column> columns, List<String> primaryKey) {
    return Dialect.super.createTable(table, columns, primaryKey) + " DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin";
  }

  @Override
  public String keyExpression(Column keyColumn, String expression) {
    if (STRING_TYPES.contains(keyColumn.jdbcType())) {
      return "BINARY " + expression;
    }
    if (keyColumn.typeName().equalsIgnoreCase("UUID")) {
      return "BINARY CAST(" + expression + " AS CHAR)";
    }
    return expression;
  }

  /** {@code TIMESTAMP} columns as {@code UNIX_TIMESTAMP(column)}, independent of the session time zone. */
  @Override
  public String selectExpression(Column column) {
    String quoted = quote(column.name());
    return MariaDbTypeHandlers.isTimestamp(column) ? "UNIX_TIMESTAMP(" + quoted + ")" : quoted;
  }

  @Override
  public String upsert(TableId table, List<Column> columns, List<Column> key) {
    StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
    for (Column column : columns) {
      values.add(MariaDbTypeHandlers.isTimestamp(column) ? "FROM_UNIXTIME(?)" : "?");
    }
    return "INSERT INTO " + qualify(table) + columnList(columns) + values + onDuplicateKey(columns, key);
  }

  @Override
  public Optional<BulkWriter> bulkWriter() {
    return Optional.of(bulk);
  }

  @Override
  public String toString() {
    return name();
  }

  String columnList(List<Column> columns) {
    StringJoiner names = new StringJoiner(", ", " (", ")");
    for (Column column : columns) {
      names.add(quote(column.name()));
    }
    return names.toString();
  }

  /** Overwrites the non-key columns; a table of key columns only keeps its row ({@code k = k}). */
  String onDuplicateKey(List<Column> columns, List<Column> key) {
    Set<String> keyNames = new HashSet<>();
    for (Column column : key) {
      keyNames.add(column.name());
    }
    StringJoiner updates = new StringJoiner(", ", " ON DUPLICATE KEY UPDATE ", "");
    for (Column column : columns) {
      if (!keyNames.contains(column.name())) {
        String quoted = quote(column.name());
        updates.add(quoted + " = VALUES(" + quoted + ")");
      }
    }
    if (columns.size() == key.size()) {
      String first = quote(key.get(0).name());
      updates.add(first + " = " + first);
    }
    return updates.toString();
  }

  @Override
  public List<String> createChangeTable(TableId changeTable) {
    return List.of("CREATE TABLE IF NOT EXISTS " + qualify(changeTable) + " ("
        + quote(ChangeTriggers.SEQ) + " BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
        + quote(ChangeTriggers.TABLE_NAME) + " VARCHAR(255) NOT NULL, "
        + quote(ChangeTriggers.OPERATION) + " CHAR(1) NOT NULL, "
        + quote(ChangeTriggers.KEY_VALUES) + " LONGTEXT NOT NULL, "
        + quote(ChangeTriggers.CHANGED_AT) + " TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
        + "KEY " + quote(changeTable.name() + "_by_table") + " (" + quote(ChangeTriggers.TABLE_NAME) + ", "
        + quote(ChangeTriggers.SEQ) + ")) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin");
  }

  /**
   * Three AFTER triggers. The table name is written as a hexadecimal literal, which reads the same
   * under every sql_mode (a quoted one depends on NO_BACKSLASH_ESCAPES); keys compare as in {@link
   * #keyExpression}, so that an update changing only the case of a string key records the old key.
   *
   * @throws IllegalArgumentException if a key column is a {@code TIMESTAMP}, which MariaDB keys cannot
   *     be (see the class comment), or of a type change capture cannot record
   */
  @Override
  public List<String> createChangeTriggers(ChangeTriggers triggers) {
    for (Column column : triggers.key()) {
      if (ChangeKeyKind.of(column) == ChangeKeyKind.INSTANT) {
        throw new IllegalArgumentException("key column " + column.name() + " is a TIMESTAMP, which change capture"
            + " cannot record as a MariaDB key (see the dialect's limits); use DATETIME");
      }
    }
    String table = qualify(triggers.table());
    String sameKey = ChangeCaptureSql.sameKey(this, triggers,
        (column, old, now) -> keyExpression(column, old) + " <=> " + keyExpression(column, now));
    List<String> names = triggers.triggerNames();
    List<String> bodies = List.of(
        "AFTER INSERT ON " + table + " FOR EACH ROW " + recordChange(triggers, 'I', "NEW"),
        "AFTER UPDATE ON " + table + " FOR EACH ROW BEGIN IF NOT " + sameKey + " THEN "
            + recordChange(triggers, 'D', "OLD") + "; END IF; " + recordChange(triggers, 'U', "NEW") + "; END",
        "AFTER DELETE ON " + table + " FOR EACH ROW " + recordChange(triggers, 'D', "OLD"));
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      statements.add("DROP TRIGGER IF EXISTS " + qualify(triggers.inSchema(names.get(i))));
      statements.add("CREATE TRIGGER " + qualify(triggers.inSchema(names.get(i))) + " " + bodies.get(i));
    }
    return statements;
  }

  @Override
  public List<String> dropChangeTriggers(ChangeTriggers triggers) {
    return ChangeCaptureSql.dropSchemaTriggers(this, triggers);
  }

  @Override
  public String selectTriggers() {
    return "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME FROM information_schema.TRIGGERS"
        + " WHERE EVENT_OBJECT_SCHEMA = COALESCE(?, DATABASE())";
  }

  private String recordChange(ChangeTriggers triggers, char operation, String row) {
    String name = "CONVERT(X'" + HexFormat.of().formatHex(triggers.recordedName().getBytes(StandardCharsets.UTF_8))
        + "' USING utf8mb4)";
    return "INSERT INTO " + qualify(triggers.changeTable()) + ChangeCaptureSql.columns(this) + " VALUES (" + name
        + ", '" + operation + "', JSON_ARRAY(" + ChangeCaptureSql.keyArguments(this, triggers, row, MariaDbDialect::keyValue)
        + "))";
  }

  private static String keyValue(ChangeKeyKind kind, String reference) {
    return switch (kind) {
      case INTEGER, BOOLEAN, STRING -> reference;
      case DECIMAL, UUID -> "CAST(" + reference + " AS CHAR)";
      case DATE -> "DATE_FORMAT(" + reference + ", '%Y-%m-%d')";
      case TIMESTAMP -> "DATE_FORMAT(" + reference + ", '%Y-%m-%dT%H:%i:%s.%f')";
      case BYTES -> "HEX(" + reference + ")";
      case INSTANT -> throw new IllegalStateException("TIMESTAMP keys are refused before any SQL is written");
    };
  }

  /**
   * Reads the clock and the oldest {@code trx_started} of the other sessions in {@code
   * information_schema.innodb_trx} (which needs the PROCESS privilege; without it the table is empty)
   * whose current database is this session's or none, as PostgreSQL counts the sessions of one
   * database: {@code innodb_trx} spans the server, and a session of another database that writes this
   * one's tables by qualified name is not seen.
   *
   * <p>Two margins: {@code trx_started} has whole seconds and InnoDB starts a transaction at its first
   * statement that touches a table, after that statement has read {@code NOW()}, so one second is
   * taken off it; and InnoDB refreshes {@code innodb_trx} from its transactions at most every 0.1 s,
   * so a transaction begun within the last 0.1 s may be missing: the oldest start given is never
   * later than 0.2 s ago. The current moment is {@code UNIX_TIMESTAMP()} with the microseconds of
   * the same statement's {@code UTC_TIMESTAMP(6)}, exact in every session time zone.
   */
  @Override
  public Optional<String> clockQuery() {
    String now = "CAST(CONCAT(UNIX_TIMESTAMP(), '.', LPAD(MICROSECOND(UTC_TIMESTAMP(6)), 6, '0')) AS DECIMAL(20, 6))";
    String refreshed = "(" + now + " - 0.2)";
    return Optional.of("SELECT " + now + ", NOW(6),"
        + " LEAST(COALESCE(UNIX_TIMESTAMP(MIN(t.trx_started)) - 1, " + refreshed + "), " + refreshed + "),"
        + " LEAST(COALESCE(MIN(t.trx_started) - INTERVAL 1 SECOND, NOW(6) - INTERVAL 200000 MICROSECOND),"
        + " NOW(6) - INTERVAL 200000 MICROSECOND)"
        + " FROM information_schema.innodb_trx t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
        + " AND t.trx_mysql_thread_id <> CONNECTION_ID() AND (p.DB IS NULL OR p.DB = DATABASE())");
  }

  /**
   * Checksum fields in MariaDB's own functions. Strings are converted to utf8mb4 whatever the column's
   * character set; a {@code TIMESTAMP} is turned into UTC by arithmetic on its epoch seconds, which
   * does not depend on the session's time zone; zero dates and timestamps are encoded as NULL, as
   * reads return them.
   */
  @Override
  public Optional<String> checksumField(Column column) {
    String q = quote(column.name());
    return CanonicalForm.of(this, column).map(form -> switch (form) {
      case INTEGER, DECIMAL -> "CONCAT('n', CAST(" + q + " AS CHAR))";
      case DOUBLE -> "CONCAT('f', CAST(" + q + " AS CHAR))";
      case SINGLE -> "CONCAT('r" + name() + ":', CAST(" + q + " AS CHAR))";
      case STRING -> "CONCAT('s', " + checksumEscape("CONVERT(" + q + " USING utf8mb4)") + ")";
      case BOOLEAN -> "CASE WHEN " + q + " <> 0 THEN 'b1' WHEN " + q + " = 0 THEN 'b0' END";
      case DATE -> nonZeroDate(q, "CONCAT('d', DATE_FORMAT(" + q + ", '%Y-%m-%d'))");
      case TIME -> "CONCAT('t', TIME_FORMAT(" + q + ", '%H:%i:%s.%f'))";
      case TIMESTAMP -> nonZeroDate(q, "CONCAT('l', DATE_FORMAT(" + q + ", '%Y-%m-%d %H:%i:%s.%f'))");
      case INSTANT -> "CASE WHEN UNIX_TIMESTAMP(" + q + ") = 0 THEN '-' ELSE CONCAT('i', DATE_FORMAT(TIMESTAMPADD("
          + "MICROSECOND, CAST(UNIX_TIMESTAMP(" + q + ") * 1000000 AS SIGNED), TIMESTAMP '1970-01-01 00:00:00'),"
          + " '%Y-%m-%d %H:%i:%s.%f')) END";
      case BYTES -> "CONCAT('x', LOWER(HEX(" + q + ")))";
      case UUID -> "CONCAT('u', LOWER(CAST(" + q + " AS CHAR)))";
      case JSON -> "CONCAT('j" + name() + ":', " + checksumEscape("CONVERT(" + q + " USING utf8mb4)") + ")";
    });
  }

  /**
   * MD5 of the text as utf8mb4; CONV reads the 15 hex digits exactly. MariaDB's string functions
   * return NULL for a result longer than {@code max_allowed_packet} (a row of large values, whose
   * bytes double in hex), and SUM would skip that row: such a row hashes to a random number instead,
   * so that its segment differs from every other and is compared row by row.
   */
  @Override
  public Optional<String> checksumHash(String text) {
    return Optional.of("COALESCE(CAST(CONV(SUBSTRING(MD5(CONVERT(" + text + " USING utf8mb4)), 1, 15), 16, 10) AS UNSIGNED),"
        + " CAST(FLOOR(RAND() * 1152921504606846976) AS UNSIGNED))");
  }

  /** {@code CONCAT}, since {@code ||} is a logical OR unless the session's sql_mode says otherwise. */
  @Override
  public String checksumConcat(List<String> parts) {
    return "CONCAT(" + String.join(", ", parts) + ")";
  }

  private static String nonZeroDate(String quoted, String field) {
    return "CASE WHEN MONTH(" + quoted + ") = 0 OR DAYOFMONTH(" + quoted + ") = 0 THEN '-' ELSE " + field + " END";
  }

  /**
   * {@code information_schema.TABLES.TABLE_ROWS}: InnoDB's sampled estimate, refreshed by ANALYZE
   * TABLE and as the table changes; empty when the server has none.
   */
  @Override
  public OptionalLong estimatedRowCount(Connection connection, TableId table) throws SQLException {
    String sql = "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
        + " AND TABLE_NAME = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return OptionalLong.empty();
        }
        long estimate = rows.getLong(1);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(estimate);
      }
    }
  }
}
