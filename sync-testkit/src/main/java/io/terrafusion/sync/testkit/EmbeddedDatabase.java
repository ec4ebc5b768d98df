package io.terrafusion.sync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
public final class EmbeddedDatabase extends TestDatabase {
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
  private final @Nullable Path temporaryFile;

  private EmbeddedDatabase(Kind kind, String url, DataSource dataSource, String label, @Nullable Path temporaryFile) {
    super(label, dataSource);
    this.kind = kind;
    this.url = url;
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

  /** The JDBC URL (it holds no credentials). */
  public String url() {
    return url;
  }

  /** Drops the database: H2 shuts down, a temporary SQLite file is deleted. */
  @Override
  public void close() {
    super.close();
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
}
