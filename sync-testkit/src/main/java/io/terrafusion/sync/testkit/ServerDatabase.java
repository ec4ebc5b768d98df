package io.terrafusion.sync.testkit;

import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on a real PostgreSQL or MariaDB server, for one test class: a fresh schema
 * (PostgreSQL) or database (MariaDB) that {@link #close()} drops again, so that test classes never
 * see each other's tables.
 *
 * <p>Servers are found through environment variables holding JDBC URLs, {@code SYNC_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) and {@code
 * SYNC_TEST_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}). {@link
 * #require} skips the calling test with the reason when the server cannot be reached, except under
 * CI ({@code CI=true}), where a missing server fails the test instead.
 *
 * <p>Labels and messages never show the URL's credentials. This class is thread-safe.
 */
public final class ServerDatabase extends TestDatabase {
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,50}");
  private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)(/[^?]*)?(\\?.*)?");

  /** The server products. */
  public enum Kind {
    /** PostgreSQL; each database is a schema. */
    POSTGRESQL("SYNC_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    /** MariaDB (or MySQL); each database is a database. */
    MARIADB("SYNC_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private final String variable;
    private final String fallback;

    Kind(String variable, String fallback) {
      this.variable = variable;
      this.fallback = fallback;
    }

    /** The environment variable that names this server's JDBC URL. */
    public String variable() {
      return variable;
    }

    /** The server's JDBC URL: the environment variable's value, or the default. */
    public String url() {
      String value = System.getenv(variable);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  private final Kind kind;
  private final String name;
  private final String adminUrl;

  private ServerDatabase(Kind kind, String name, String adminUrl, String url) {
    super(kind.name().toLowerCase(Locale.ROOT) + ":" + name, new DriverManagerDataSource(url));
    this.kind = kind;
    this.name = name;
    this.adminUrl = adminUrl;
  }

  /**
   * Why the server cannot be used, or empty when it answers.
   */
  public static Optional<String> unavailable(Kind kind) {
    return unavailable(kind, kind.url());
  }

  static Optional<String> unavailable(Kind kind, String url) {
    try (Connection c = new DriverManagerDataSource(url).getConnection()) {
      return c.isValid(5) ? Optional.empty() : Optional.of(kind + " at " + redact(url) + " did not answer");
    } catch (SQLException e) {
      return Optional.of(kind + " at " + redact(url) + " (set " + kind.variable() + ") cannot be reached: "
          + redact(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Makes the calling JUnit test need the server: without it the test is skipped with the reason, or,
   * under CI ({@code CI=true}), fails.
   *
   * @throws AssertionError under CI when the server cannot be reached
   */
  public static void require(Kind kind) {
    Optional<String> reason = unavailable(kind);
    if (reason.isPresent()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and the test needs " + reason.get());
      }
      Assumptions.abort(reason.get());
    }
  }

  /**
   * A fresh, empty schema (PostgreSQL) or database (MariaDB) of the given name on the server; one left
   * over from an earlier run is dropped first.
   *
   * @param name lower-case letters, digits and underscores, starting with a letter
   * @throws IllegalArgumentException if the name is not of that form
   * @throws IllegalStateException if the server refuses
   */
  public static ServerDatabase create(Kind kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be lower-case letters, digits and underscores, starting with a"
          + " letter, but was " + name);
    }
    String admin = kind.url();
    ServerDatabase db = new ServerDatabase(kind, name, admin, urlFor(kind, admin, name));
    db.admin(kind == Kind.POSTGRESQL
        ? new String[] {"DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name}
        : new String[] {"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4"});
    return db;
  }

  /** Which server this is on. */
  public Kind kind() {
    return kind;
  }

  /** The schema (PostgreSQL) or database (MariaDB) name. */
  public String name() {
    return name;
  }

  /** Drops the schema or database. */
  @Override
  public void close() {
    super.close();
    admin(kind == Kind.POSTGRESQL ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name);
  }

  private void admin(String... statements) {
    try (Connection c = new DriverManagerDataSource(adminUrl).getConnection(); var st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(kind + " at " + redact(adminUrl) + " refused to prepare " + name + ": "
          + e.getMessage(), e);
    }
  }

  private static String urlFor(Kind kind, String url, String name) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(kind.variable() + " must look like jdbc:<driver>://host[:port]/database[?options]"
          + " but was " + redact(url));
    }
    String query = m.group(3) == null ? "" : m.group(3);
    if (kind == Kind.POSTGRESQL) {
      String path = m.group(2) == null ? "/postgres" : m.group(2);
      return m.group(1) + path + (query.isEmpty() ? "?" : query + "&") + "currentSchema=" + name;
    }
    return m.group(1) + "/" + name + query;
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
