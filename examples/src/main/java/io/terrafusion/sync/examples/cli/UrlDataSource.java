package io.terrafusion.sync.examples.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source opening a new {@link DriverManager} connection per request, with the password given
 * apart from the URL when there is one. Thread-safe. {@link #toString()} never shows the URL.
 */
final class UrlDataSource implements DataSource {
  private final String url;
  private final @Nullable String password;

  UrlDataSource(String url, @Nullable String password) {
    this.url = url;
    this.password = password;
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
    throw new SQLFeatureNotSupportedException("UrlDataSource has no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("UrlDataSource is not a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "UrlDataSource";
  }
}
