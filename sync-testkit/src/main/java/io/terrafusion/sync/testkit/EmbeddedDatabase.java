package io.terrafusion.sync.testkit;

import io.terrafusion.sync.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A throw-away embedded database for tests and demos, in one line: {@code EmbeddedDatabase.h2()} or
 * {@code EmbeddedDatabase.sqlite()}. Each instance is a separate database, so tests never see each
 * other's tables.
 *
 * <p>H2 databases live in memory and fold unquoted identifiers to lower case (as PostgreSQL does), so
 * that the same DDL gives the same table names in H2 and SQLite. SQLite databases live in a temporary
 * file with foreign keys enforced. {@link #close()} drops the database.
 *
 * <p>This class is thread-safe.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** The embedded database engines the testkit can start. */
  public enum Kind {
    /** H2, in memory. */
    H2,
    /** SQLite, in a temporary file. */
    SQLITE
  }

  private final Kind kind;
  private final String url;
  private final DataSource dataSource;
  private final String label;
  private final @Nullable Path temporaryFile;
  private volatile @Nullable JdbcStore store;

  private EmbeddedDatabase(Kind kind, String url, DataSource dataSource, String label, @Nullable Path temporaryFile) {
    this.kind = kind;
    this.url = url;
    this.dataSource = dataSource;
    this.label = label;
    this.temporaryFile = temporaryFile;
  }

  /** A new, empty in-memory H2 database with a unique name. */
  public static EmbeddedDatabase h2() {
    return h2("tfsync" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid());
  }

  /**
   * A new in-memory H2 database of the given name; it lives until {@link #close()}.
   *
   * @throws IllegalArgumentException if the name holds anything but letters, digits and underscores
   */
  public static EmbeddedDatabase h2(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("name must be letters, digits and underscores but was " + name);
    }
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return new EmbeddedDatabase(Kind.H2, url, ds, "h2:" + name, null);
  }

  /** A new, empty SQLite database in a temporary file, deleted on {@link #close()}. */
  public static EmbeddedDatabase sqlite() {
    try {
      Path file = Files.createTempFile("tfsync-", ".sqlite");
      return sqlite(file, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary SQLite file", e);
    }
  }

  /** A SQLite database in the given file (created if missing), kept on {@link #close()}. */
  public static EmbeddedDatabase sqlite(Path file) {
    return sqlite(file, false);
  }

  private static EmbeddedDatabase sqlite(Path file, boolean temporary) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return new EmbeddedDatabase(Kind.SQLITE, url, ds, "sqlite:" + file.getFileName(), temporary ? file : null);
  }

  /** Which engine this is. */
  public Kind kind() {
    return kind;
  }

  /** A short name for messages, such as {@code h2:tfsync1_42}. */
  public String label() {
    return label;
  }

  /** The JDBC URL (it holds no credentials). */
  public String url() {
    return url;
  }

  /** A data source for the database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The sync store of this database, created on first use and reused after. */
  public JdbcStore store() {
    JdbcStore s = store;
    if (s == null) {
      synchronized (this) {
        s = store;
        if (s == null) {
          s = JdbcStore.builder(dataSource).name(label).build();
          store = s;
        }
      }
    }
    return s;
  }

  /**
   * Runs SQL statements, each on its own, in one connection.
   *
   * @throws IllegalStateException if a statement fails, naming it
   */
  public void execute(String... statements) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String sql : statements) {
        try {
          st.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one statement with bound parameters.
   *
   * @return the update count
   * @throws IllegalStateException if it fails, naming the statement
   */
  public int update(String sql, @Nullable Object... params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a query that returns one number, such as {@code SELECT count(*) FROM parcels}.
   *
   * @throws IllegalStateException if it fails or returns no row
   */
  public long queryLong(String sql, @Nullable Object... params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("query returned no row: " + sql);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The number of rows in a table. */
  public long count(String table) {
    return queryLong("SELECT count(*) FROM " + table);
  }

  /** Drops the database: H2 shuts down, a temporary SQLite file is deleted. */
  @Override
  public void close() {
    JdbcStore s = store;
    if (s != null) {
      s.close();
    }
    if (kind == Kind.H2) {
      execute("SHUTDOWN");
    }
    if (temporaryFile != null) {
      try {
        Files.deleteIfExists(temporaryFile);
        Files.deleteIfExists(Path.of(temporaryFile + "-wal"));
        Files.deleteIfExists(Path.of(temporaryFile + "-shm"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + temporaryFile, e);
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedDatabase[" + url + "]";
  }
}
