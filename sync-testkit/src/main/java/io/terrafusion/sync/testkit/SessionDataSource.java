package io.terrafusion.sync.testkit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections of another data source, each with a session statement run first, to test a session
 * setting such as a non-UTC time zone. (PgJDBC sends the JVM's zone at connection start, which
 * overrides a {@code TimeZone} given in the URL's options; a statement after connecting does not.)
 * Thread-safe as far as the wrapped data source is; a failing statement closes the connection and
 * throws its {@link java.sql.SQLException}.
 */
public final class SessionDataSource implements DataSource {
  private final DataSource delegate;
  private final String statement;

  private SessionDataSource(DataSource delegate, String statement) {
    this.delegate = delegate;
    this.statement = statement;
  }

  /**
   * A data source whose connections first run a statement, such as {@code SET TIME ZONE
   * 'America/Los_Angeles'} or {@code SET time_zone = '+05:30'}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static SessionDataSource of(DataSource delegate, String statement) {
    return new SessionDataSource(Objects.requireNonNull(delegate, "delegate"),
        Objects.requireNonNull(statement, "statement"));
  }

  @Override
  public Connection getConnection() throws SQLException {
    return prepared(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return prepared(delegate.getConnection(username, password));
  }

  private Connection prepared(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(statement);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return delegate.isWrapperFor(type);
  }
}
