package io.terrafusion.sync.jdbc.spi;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What one database product needs from a {@link io.terrafusion.sync.jdbc.JdbcStore}: whether it
 * handles a database, how identifiers are quoted, how declared types map to JDBC types and canonical
 * values, and the SQL of the statements the store runs.
 *
 * <p>The default methods write portable SQL; a dialect overrides what its database does differently.
 * Every statement uses positional {@code ?} parameters for values (no named parameters, no value
 * literals), bound by the store in the order each method documents, and identifiers passed through
 * {@link #quote}.
 *
 * <p><b>Key order.</b> The store pages by key and relies on the database returning keys in {@link
 * io.terrafusion.sync.api.CanonicalValues#compare} order (strings by code point, which is the
 * byte-wise order of UTF-8). A dialect whose database compares a key type differently overrides
 * {@link #keyExpression} so that comparisons and {@code ORDER BY} use an expression that does.
 *
 * <p>Implementations are stateless and thread-safe. Register them explicitly with {@link
 * io.terrafusion.sync.jdbc.JdbcStore.Builder#dialects}; there is no service loading.
 */
public interface Dialect {
  /**
   * The largest declared length that {@link #columnType} keeps as a sized character or binary type
   * (PostgreSQL's VARCHAR limit); longer or unsized columns get a large-object type.
   */
  int MAX_SIZED_LENGTH = 10_485_760;

  /** A short lower-case name, such as {@code h2} or {@code sqlite}; used in store names and messages. */
  String name();

  /**
   * How well this dialect handles the database described by {@code metaData}, usually judged by
   * {@link DatabaseMetaData#getDatabaseProductName()}. The store picks the dialect with the highest
   * priority.
   *
   * @return a negative number when this dialect does not handle the database, else its priority
   * @throws SQLException if the metadata cannot be read
   */
  int priority(DatabaseMetaData metaData) throws SQLException;

  /**
   * Quotes an identifier, doubling embedded quote characters, so that any name the database reports
   * can be used safely in SQL.
   *
   * @throws IllegalArgumentException if the identifier is blank or contains a NUL character
   */
  default String quote(String identifier) {
    if (identifier.isBlank() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier must be non-blank and free of NUL characters");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The table's name for SQL: quoted, and qualified by its schema when it has one. */
  default String qualify(TableId table) {
    String name = quote(table.name());
    return table.schema() == null ? name : quote(table.schema()) + "." + name;
  }

  /**
   * The JDBC type of a column from the driver's {@code DATA_TYPE} and {@code TYPE_NAME}. The default
   * trusts {@code DATA_TYPE}; databases with dynamic types derive it from the declared type name.
   */
  default JDBCType jdbcType(int dataType, String typeName) {
    try {
      return JDBCType.valueOf(dataType);
    } catch (IllegalArgumentException unknownCode) {
      return JDBCType.OTHER;
    }
  }

  /**
   * The built-in data type handlers of this database, in registration order (later ones win). The
   * store registers the user's handlers after these.
   */
  DataTypeHandlers typeHandlers();

  /**
   * The SQL expression by which a key column compares and orders in canonical order. {@code
   * expression} is either the quoted column or a {@code ?} parameter. The default returns it
   * unchanged, right for databases whose comparison of the column's type already is canonical.
   */
  default String keyExpression(Column keyColumn, String expression) {
    return expression;
  }

  /**
   * The SQL expression by which a {@code SELECT} reads a column, which the column's data type handler
   * then reads as the column's value. The default is the quoted column; a dialect overrides it where
   * the column's plain value depends on session state, such as MariaDB's {@code TIMESTAMP}, which is
   * shown in the session's time zone.
   */
  default String selectExpression(Column column) {
    return quote(column.name());
  }

  /**
   * A keyset page: the columns of the rows with keys in a range, in key order, at most {@code ?}
   * rows.
   *
   * <p>Parameters: when {@code lowerBound}, the exclusive lower key, then when {@code upperBound},
   * the inclusive upper key, each bound as a row-value comparison written out (for a key {@code
   * (k1, k2)}: {@code k1 > ? OR (k1 = ? AND k2 > ?)}), so each key binds its values {@code 0..i} for
   * every level {@code i}; then the row limit.
   *
   * @param table the table
   * @param columns the columns to select, in row order
   * @param key the primary-key columns, in key order
   * @param lowerBound whether a lower bound is bound
   * @param upperBound whether an upper bound is bound
   */
  default String selectPage(TableId table, List<Column> columns, List<Column> key, boolean lowerBound,
      boolean upperBound) {
    StringBuilder sql = new StringBuilder(select(table, columns));
    StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
    if (lowerBound) {
      where.add(keyComparison(key, ">", ">"));
    }
    if (upperBound) {
      where.add(keyComparison(key, "<", "<="));
    }
    return sql.append(where).append(orderBy(key)).append(" LIMIT ?").toString();
  }

  /**
   * The rows with the given keys, in key order. Parameters: each key's values in key-column order,
   * key after key.
   *
   * @param keyCount how many keys are bound; at least one
   */
  default String selectByKeys(TableId table, List<Column> columns, List<Column> key, int keyCount) {
    StringJoiner any = new StringJoiner(" OR ", " WHERE ", "");
    String one = keyEquals(key);
    for (int i = 0; i < keyCount; i++) {
      any.add(key.size() == 1 ? one : "(" + one + ")");
    }
    return select(table, columns) + any + orderBy(key);
  }

  /** Deletes one row by key. Parameters: the key's values in key-column order. */
  default String delete(TableId table, List<Column> key) {
    return "DELETE FROM " + qualify(table) + " WHERE " + keyEquals(key);
  }

  /**
   * Inserts a row, or when its key exists, overwrites the given non-key columns (a table whose
   * columns are all key columns is left as it is). Parameters: the values of {@code columns} in
   * order.
   *
   * @param columns the columns to write, which include every key column
   * @param key the primary-key columns, in key order
   */
  String upsert(TableId table, List<Column> columns, List<Column> key);

  /**
   * The columns of a table as introspected, refined with what only this database can tell: for
   * example MariaDB reports a {@code JSON} column as {@code LONGTEXT} and keeps the truth in a check
   * constraint. The default returns the columns unchanged.
   *
   * @param connection a connection to read further metadata with
   * @param table the table, as named to the store
   * @param columns the columns read from {@link DatabaseMetaData}, in order
   * @throws SQLException if the metadata cannot be read
   */
  default List<Column> refineColumns(Connection connection, TableId table, List<Column> columns) throws SQLException {
    return columns;
  }

  /**
   * The database's bulk path for large batches, if it has one; empty by default, and every batch is
   * then written with batched statements.
   */
  default Optional<BulkWriter> bulkWriter() {
    return Optional.empty();
  }

  /**
   * The type a created column of this database gets, from the column's JDBC type, size and scale
   * (its database type name is consulted only for {@code UUID} and {@code JSON}, which have no JDBC
   * type). The default writes portable SQL types: BIGINT, INTEGER, SMALLINT, NUMERIC(p,s) or
   * DECIMAL(p,s) (unsized when the size is 0 or above 1000), DOUBLE PRECISION, REAL, BOOLEAN,
   * CHAR(n), VARCHAR(n) (CLOB when the size is 0 or above {@value #MAX_SIZED_LENGTH}), DATE, TIME(p),
   * TIMESTAMP(p) and their WITH TIME ZONE forms, VARBINARY(n) (BLOB when unsized or huge), BLOB, UUID
   * and JSON.
   *
   * <p>The fractional-second precision p is the column's scale when it is 1 to 9, else 6: drivers
   * disagree on how they report it (SQLite's reports none), and microseconds hold what every
   * supported database stores, so a created column is never narrower than its source. A dialect
   * overrides this method for the types its database spells otherwise.
   *
   * @throws IllegalArgumentException if the type has no mapping; the message names the column and
   *     its type
   */
  default String columnType(Column column) {
    String typeName = column.typeName().toUpperCase(Locale.ROOT);
    if (typeName.equals("UUID") || typeName.equals("JSON")) {
      return typeName;
    }
    int size = column.size();
    boolean sized = size > 0 && size <= MAX_SIZED_LENGTH;
    int fraction = column.scale() >= 1 && column.scale() <= 9 ? column.scale() : 6;
    return switch (column.jdbcType()) {
      case BIGINT -> "BIGINT";
      case INTEGER -> "INTEGER";
      case SMALLINT, TINYINT -> "SMALLINT";
      case NUMERIC, DECIMAL -> column.jdbcType().getName()
          + (size > 0 && size <= 1000 ? "(" + size + "," + Math.min(column.scale(), size) + ")" : "");
      case DOUBLE, FLOAT -> "DOUBLE PRECISION";
      case REAL -> "REAL";
      case BOOLEAN, BIT -> "BOOLEAN";
      case CHAR, NCHAR -> sized ? "CHAR(" + size + ")" : "CLOB";
      case VARCHAR, NVARCHAR, LONGVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> sized ? "VARCHAR(" + size + ")" : "CLOB";
      case DATE -> "DATE";
      case TIME -> "TIME(" + fraction + ")";
      case TIME_WITH_TIMEZONE -> "TIME(" + fraction + ") WITH TIME ZONE";
      case TIMESTAMP -> "TIMESTAMP(" + fraction + ")";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP(" + fraction + ") WITH TIME ZONE";
      case BINARY, VARBINARY -> sized ? "VARBINARY(" + size + ")" : "BLOB";
      case LONGVARBINARY, BLOB -> "BLOB";
      default -> throw new IllegalArgumentException("column " + column.name() + " has type " + column.jdbcType()
          + " (" + column.typeName() + "), which the " + name() + " dialect cannot create");
    };
  }

  /**
   * Creates a table: each column with {@link #columnType} and NOT NULL where the column is not
   * nullable or is a key column, then the primary key. No foreign keys, defaults or indexes.
   *
   * @param table the table to create
   * @param columns its columns, in order
   * @param primaryKey the primary-key column names, in key order
   * @throws IllegalArgumentException if a column type has no mapping, as {@link #columnType}
   */
  default String createTable(TableId table, List<Column> columns, List<String> primaryKey) {
    StringJoiner parts = new StringJoiner(", ", "CREATE TABLE " + qualify(table) + " (", ")");
    for (Column column : columns) {
      boolean notNull = !column.nullable() || primaryKey.contains(column.name());
      parts.add(quote(column.name()) + " " + columnType(column) + (notNull ? " NOT NULL" : ""));
    }
    StringJoiner key = new StringJoiner(", ", "PRIMARY KEY (", ")");
    for (String name : primaryKey) {
      key.add(quote(name));
    }
    return parts.add(key.toString()).toString();
  }

  /**
   * The SQLState of a failure, for retry classification. The default returns the driver's; a
   * dialect whose driver gives none derives one from its vendor code.
   */
  default @Nullable String sqlState(SQLException exception) {
    return exception.getSQLState();
  }

  private String select(TableId table, List<Column> columns) {
    StringJoiner list = new StringJoiner(", ", "SELECT ", " FROM " + qualify(table));
    for (Column column : columns) {
      list.add(selectExpression(column));
    }
    return list.toString();
  }

  private String orderBy(List<Column> key) {
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
    for (Column column : key) {
      order.add(keyExpression(column, quote(column.name())));
    }
    return order.toString();
  }

  private String keyEquals(List<Column> key) {
    StringJoiner all = new StringJoiner(" AND ");
    for (Column column : key) {
      all.add(quote(column.name()) + " = ?");
    }
    return all.toString();
  }

  private String keyComparison(List<Column> key, String strict, String last) {
    StringJoiner levels = new StringJoiner(" OR ", "(", ")");
    for (int level = 0; level < key.size(); level++) {
      StringJoiner terms = new StringJoiner(" AND ", "(", ")");
      for (int i = 0; i < level; i++) {
        terms.add(keyExpression(key.get(i), quote(key.get(i).name())) + " = " + keyExpression(key.get(i), "?"));
      }
      Column column = key.get(level);
      String op = level == key.size() - 1 ? last : strict;
      terms.add(keyExpression(column, quote(column.name())) + " " + op + " " + keyExpression(column, "?"));
      levels.add(terms.toString());
    }
    return levels.toString();
  }

  // Change capture: the change table and triggers of the changelog detector
  // (io.terrafusion.sync.jdbc.Changelog). A dialect without them throws UnsupportedOperationException.

  /**
   * Statements that create the change table described by {@link ChangeTriggers} and an index on
   * ({@value ChangeTriggers#TABLE_NAME}, {@value ChangeTriggers#SEQ}), each only when it does not
   * exist yet. {@value ChangeTriggers#SEQ} is the primary key, assigned ascending by the database and
   * never reused; {@value ChangeTriggers#KEY_VALUES} holds any Unicode text.
   *
   * @throws UnsupportedOperationException if the dialect has no change capture; the message names it
   */
  default List<String> createChangeTable(TableId changeTable) {
    throw changeCaptureUnsupported();
  }

  /**
   * Statements that create the triggers of a table, replacing triggers of the same names, so that
   * running them twice is harmless. After each committed insert, update and delete of a row, the
   * change table holds a row with the table's recorded name, the operation and the row's key; an
   * update that changes the key records a {@code D} of the old key before the {@code U} of the new.
   *
   * <p>The key is a JSON array with one element per key column, in key order, that decodes to
   * exactly the column's value whatever the session's settings (time zone, date style): an integer
   * as a JSON number or its digits; a boolean as {@code true}/{@code false} or 1/0; a decimal as its
   * text; a string as itself; a UUID as its text; a date as {@code yyyy-MM-dd}; a timestamp as ISO-8601
   * {@code yyyy-MM-ddTHH:mm:ss[.f]}; a timestamp with time zone as ISO-8601 in UTC ending in {@code
   * Z} (or with an offset); bytes as hexadecimal.
   *
   * @throws IllegalArgumentException if a key column's type cannot be recorded; the message names
   *     the column and its type
   * @throws UnsupportedOperationException if the dialect has no change capture; the message names it
   */
  default List<String> createChangeTriggers(ChangeTriggers triggers) {
    throw changeCaptureUnsupported();
  }

  /**
   * Statements that drop the triggers of a table (and whatever else {@link #createChangeTriggers}
   * made for it), each only if it exists.
   *
   * @throws UnsupportedOperationException if the dialect has no change capture; the message names it
   */
  default List<String> dropChangeTriggers(ChangeTriggers triggers) {
    throw changeCaptureUnsupported();
  }

  /**
   * A query of the triggers of a schema, one row per trigger (or per trigger and event): the name of
   * the table it is on, then its name. One parameter: the schema, or NULL for the connection's
   * current one.
   *
   * @throws UnsupportedOperationException if the dialect has no change capture; the message names it
   */
  default String selectTriggers() {
    throw changeCaptureUnsupported();
  }

  private UnsupportedOperationException changeCaptureUnsupported() {
    return new UnsupportedOperationException("the " + name() + " dialect has no change capture (changelog triggers)");
  }

  // Incremental detection (watermark).

  /**
   * A query of the database's clock and of its oldest open transaction, for detectors that must not
   * read past what a transaction still open could commit. It returns one row of four columns: the
   * current moment as epoch seconds (an exact number, never later than the truth); the current wall
   * time of the session's time zone (TIMESTAMP); the start of the oldest transaction of another
   * session that could still commit rows, as epoch seconds, never later than the truth, or NULL when
   * there is none or the database cannot tell; and that start as wall time of the session, or NULL.
   * No parameters. The default is empty: the database offers no clock, and the watermark detector
   * cannot run on it.
   */
  default Optional<String> clockQuery() {
    return Optional.empty();
  }

  // Segment checksums (io.terrafusion.sync.spi.SegmentChecksums), computed inside the database.

  /**
   * The name of the row encoding and hash that {@link #checksumField} and {@link #checksumHash}
   * implement, shared by every dialect whose encoding agrees.
   *
   * <p><b>The encoding.</b> A row's text is its fields in the given column order, separated by
   * {@code |}. A NULL is the field {@code -}; any other value is a tag and the value's text: {@code n}
   * an integer or decimal (decimal digits at the column's scale, {@code -} sign, {@code .} point),
   * {@code f} a double (a decimal text that reads back as exactly that double; databases write some
   * doubles differently, such as {@code 1e+20} and {@code 1e20}, which then differ), {@code s} a string,
   * {@code b} a boolean ({@code 1} or {@code 0}), {@code d} a date ({@code YYYY-MM-DD}), {@code t} a
   * time ({@code HH:MM:SS.ffffff}), {@code l} a timestamp without time zone ({@code YYYY-MM-DD
   * HH:MM:SS.ffffff}), {@code i} a timestamp with time zone as that timestamp in UTC, {@code x} bytes
   * (lower-case hex), {@code u} a UUID (lower-case, hyphenated). Fractions of a second have six digits,
   * and three more only when there are nanoseconds. Strings have {@code ~} written {@code ~~} and
   * {@code |} written {@code ~|}. Types whose text differs between databases (single-precision floats,
   * JSON) are tagged {@code r} or {@code j} followed by the dialect's {@link #name()} and {@code :},
   * so that they agree only within one dialect. A row's hash is the first 15 hex digits of the MD5 of
   * the text's UTF-8 bytes, read as an unsigned 60-bit integer; a segment's checksum is the exact sum
   * of its rows' hashes. Equal texts therefore mean equal canonical values; equal values in different
   * databases may give different texts, which costs time, never correctness.
   */
  String CHECKSUM_ALGORITHM = "md5-canonical-1";

  /**
   * The SQL expression of a column's field in the encoding of {@link #CHECKSUM_ALGORITHM} for a value
   * that is not NULL (the store writes {@code -} for NULL itself): the tag and text of the value, or
   * {@code -} where the column's data type handler reads the stored value as NULL (such as MariaDB's
   * zero dates). The text must stand for the value the column's built-in data type handler reads, so
   * that equal texts mean equal canonical values whatever the session's time zone or settings. Where
   * the database cannot make the text (MariaDB's string functions return NULL past {@code
   * max_allowed_packet}) the field is NULL, and {@link #checksumHash} hashes the row randomly. Empty
   * when this dialect cannot encode the column's type; the default encodes nothing.
   */
  default Optional<String> checksumField(Column column) {
    return Optional.empty();
  }

  /**
   * The SQL expression of the 60-bit hash of a row text expression (see {@link #CHECKSUM_ALGORITHM}),
   * an integer whose SUM the database computes exactly. When the text is NULL (a field the database
   * could not make), the hash must be a random 60-bit integer, so that the row's segment differs from
   * any other rather than skipping the row. Empty when the database cannot hash, the default; the store
   * then offers no segment checksums.
   */
  default Optional<String> checksumHash(String text) {
    return Optional.empty();
  }

  /** The SQL concatenation of string expressions, which is NULL when one of them is NULL. */
  default String checksumConcat(List<String> parts) {
    StringJoiner all = new StringJoiner(" || ", "(", ")");
    parts.forEach(all::add);
    return all.toString();
  }

  /** A string expression with {@code ~} doubled and {@code |} escaped as {@code ~|}, as the encoding wants. */
  default String checksumEscape(String text) {
    return "REPLACE(REPLACE(" + text + ", '~', '~~'), '|', '~|')";
  }

  /**
   * Whether {@link #checksumSplit}'s one query, whose window functions run over the whole range,
   * suits this database. A database that materialises a window's input in memory (H2) says no; the
   * store then finds segment boundaries by skipping keys in key order and sums each segment on its
   * own. Default true.
   */
  default boolean checksumSplitInOneQuery() {
    return true;
  }

  /**
   * The last key, row number and running checksum of every {@code ?}-th row of a key range and of its
   * last row, in key order. Columns: the key columns (read as {@link #selectExpression} reads them),
   * the row's number in the range from 1, and the exact sum of the hashes of the rows up to it.
   *
   * <p>Parameters: the bounds as in {@link #selectPage}, then the number of rows per segment. The last
   * row is found with {@code LEAD}, which looks one row ahead, not with {@code COUNT(*) OVER ()},
   * which makes the database keep the whole range (three times slower on PostgreSQL).
   *
   * @param rowHash the expression of a row's hash
   */
  default String checksumSplit(TableId table, List<Column> key, String rowHash, boolean lowerBound, boolean upperBound) {
    StringJoiner inner = new StringJoiner(", ", "SELECT ", "");
    StringJoiner outer = new StringJoiner(", ", "SELECT ", "");
    for (int i = 0; i < key.size(); i++) {
      inner.add(selectExpression(key.get(i)) + " AS tfsync_k" + i);
      outer.add("tfsync_k" + i);
    }
    String order = orderBy(key);
    inner.add("ROW_NUMBER() OVER (" + order + ") AS tfsync_rn")
        .add("SUM(" + rowHash + ") OVER (" + order + " ROWS UNBOUNDED PRECEDING) AS tfsync_sum")
        .add("LEAD(1) OVER (" + order + ") AS tfsync_next");
    outer.add("tfsync_rn").add("tfsync_sum");
    return outer + " FROM (" + inner + " FROM " + qualify(table) + keyRangeWhere(key, lowerBound, upperBound)
        + ") tfsync_rows WHERE MOD(tfsync_rn, ?) = 0 OR tfsync_next IS NULL ORDER BY tfsync_rn";
  }

  /**
   * The row count and exact sum of row hashes of each of several key ranges, one result row per range
   * in the given order. Columns: the range's index from 0, the count, the sum (NULL when the range has
   * no rows). Parameters: each range's bounds as in {@link #selectPage}, range after range.
   *
   * @param lowerBounds for each range, whether a lower bound is bound
   * @param upperBounds for each range, whether an upper bound is bound
   */
  default String checksumRanges(TableId table, List<Column> key, String rowHash, List<Boolean> lowerBounds,
      List<Boolean> upperBounds) {
    StringJoiner all = new StringJoiner(" UNION ALL ", "", " ORDER BY 1");
    for (int i = 0; i < lowerBounds.size(); i++) {
      all.add("SELECT " + i + " AS tfsync_i, COUNT(*) AS tfsync_rows, SUM(" + rowHash + ") AS tfsync_sum FROM "
          + qualify(table) + keyRangeWhere(key, lowerBounds.get(i), upperBounds.get(i)));
    }
    return all.toString();
  }

  private String keyRangeWhere(List<Column> key, boolean lowerBound, boolean upperBound) {
    StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
    if (lowerBound) {
      where.add(keyComparison(key, ">", ">"));
    }
    if (upperBound) {
      where.add(keyComparison(key, "<", "<="));
    }
    return where.toString();
  }

  /**
   * A cheap estimate of the number of rows of a table, for progress reports: the database's
   * statistics where it keeps them, which lag behind the table until it is analyzed again. Empty when
   * the database has no estimate (such as a table never analyzed). The default counts the rows, exact
   * but a full scan; fine for embedded databases, to be overridden for servers.
   *
   * @param connection a connection to query with
   * @param table the table, as named to the store (qualified by the store's schema when it has one)
   * @throws SQLException if the query fails
   */
  default OptionalLong estimatedRowCount(Connection connection, TableId table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + qualify(table))) {
      return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
    }
  }
}
