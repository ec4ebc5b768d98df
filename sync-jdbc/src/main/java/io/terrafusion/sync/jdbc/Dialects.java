package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.jdbc.internal.H2Dialect;
import io.terrafusion.sync.jdbc.internal.MariaDbDialect;
import io.terrafusion.sync.jdbc.internal.PostgresDialect;
import io.terrafusion.sync.jdbc.internal.SqliteDialect;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.util.List;

/**
 * The built-in dialects.
 *
 * <p>This class is stateless and thread-safe; the dialects it returns are too.
 */
public final class Dialects {
  private static final Dialect H2 = new H2Dialect();
  private static final Dialect SQLITE = new SqliteDialect();
  private static final Dialect MARIADB = new MariaDbDialect();
  private static final Dialect POSTGRESQL = new PostgresDialect();

  private Dialects() {}

  /** H2 2.x, in any mode; handles databases whose product name is {@code H2}. */
  public static Dialect h2() {
    return H2;
  }

  /** SQLite 3.24 or later (for upserts); handles databases whose product name is {@code SQLite}. */
  public static Dialect sqlite() {
    return SQLITE;
  }

  /**
   * PostgreSQL 15 or later through PgJDBC ({@code org.postgresql:postgresql}, which the application
   * puts on its class or module path); handles databases whose product name is {@code PostgreSQL}.
   *
   * <ul>
   *   <li><b>URL settings.</b> Add {@code reWriteBatchedInserts=true} to the JDBC URL: PgJDBC then
   *       sends a batch of upserts as multi-row statements instead of one round trip per row. The
   *       store pages its reads with {@code LIMIT}, so PgJDBC's habit of reading whole result sets
   *       into memory is bounded by the page size without further settings.
   *   <li><b>Schema.</b> Unqualified tables are those of the connection's current schema (the first
   *       of its {@code search_path}, or {@code currentSchema} in the URL).
   *   <li><b>Key order.</b> String keys compare and sort under {@code COLLATE "C"}, whatever the
   *       column's collation, so {@code a} and {@code A} are two keys in code-point order.
   *   <li><b>Types.</b> int2/int4/int8 (and serials) read as {@code Long}, numeric as {@code
   *       BigDecimal} (its NaN and infinities cannot be read or written), float4/float8 as {@code
   *       Double} (NaN and infinities included), bool, char/varchar/text and enums as {@code String}
   *       (text cannot hold U+0000), date, time, timestamp, timestamptz as {@code Instant}, uuid,
   *       json/jsonb as canonical JSON text, bytea as {@code byte[]}. interval, arrays, money, bit
   *       strings, timetz and other types have no built-in handler: register one or leave the column
   *       out.
   *   <li><b>Bulk path.</b> Batches of 1,000 rows or more are written with {@code COPY ... FROM STDIN}
   *       (text format) through PgJDBC's {@code CopyManager}, into the table when every row is new,
   *       else into a temporary staging table merged with {@code INSERT ... ON CONFLICT DO UPDATE}.
   *       This path converts values by the built-in rules; a handler registered for one of the types
   *       above is used by batched statements only.
   * </ul>
   */
  public static Dialect postgresql() {
    return POSTGRESQL;
  }

  /**
   * MariaDB 10.3 or later (10.7 for UUID columns) through MariaDB Connector/J 3.x; handles databases
   * whose product name is {@code MariaDB}, and {@code MySQL} at a lower priority. The store lists the
   * tables of the JDBC URL's database. String keys are read in byte-wise (code point) order whatever
   * their collation; target tables whose string keys may differ only in case, accents or trailing spaces need
   * key columns in {@code COLLATE utf8mb4_nopad_bin}, or such keys collide. {@code TIMESTAMP} columns
   * are read and written as instants independent of the session time zone; zero dates read as NULL.
   * Batches of 100 rows or more take {@code LOAD DATA LOCAL INFILE}, which needs {@code
   * allowLocalInfile=true} (the driver's default) and the server's {@code local_infile=ON}, and falls
   * back to batched INSERTs with a logged warning otherwise.
   */
  public static Dialect mariadb() {
    return MARIADB;
  }

  /** Every built-in dialect, the candidates {@link JdbcStore#of} detects among. */
  public static List<Dialect> builtIns() {
    return List.of(H2, SQLITE, POSTGRESQL, MARIADB);
  }
}
