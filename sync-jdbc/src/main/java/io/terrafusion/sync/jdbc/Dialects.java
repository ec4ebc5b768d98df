package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.jdbc.internal.H2Dialect;
import io.terrafusion.sync.jdbc.internal.MariaDbDialect;
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
    return List.of(H2, SQLITE, MARIADB);
  }
}
