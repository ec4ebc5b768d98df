package io.terrafusion.sync.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source that opens a new {@link DriverManager} connection for every request, from a JDBC URL
 * and a password given apart from it (so that it need not appear in the URL). For scripts, tests and
 * tools; an application that syncs repeatedly should give {@link JdbcStore} its connection pool
 * instead, since every statement batch asks for a connection.
 *
 * <p>This class is thread-safe. {@link #toString()} never shows the URL, which may hold credentials.
 */
public final class DriverManagerDataSource implements DataSource {
  private final String url;
  private final @Nullable String password;

  /**
   * A data source for the URL, with the password when it is not null.
   *
   * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
   */
  public DriverManagerDataSource(String url, @Nullable String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("url must start with jdbc: but was " + url.replaceAll(":.*", ":..."));
    }
    this.url = url;
    this.password = password;
  }

  /** A data source for the URL, with whatever credentials it holds. */
  public DriverManagerDataSource(String url) {
    this(url, null);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties properties = new Properties();
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public Connection getConnection(String username, String givenPassword) throws SQLException {
    return DriverManager.getConnection(url, username, givenPassword);
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("DriverManagerDataSource has no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("DriverManagerDataSource is not a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverManagerDataSource";
  }
}
