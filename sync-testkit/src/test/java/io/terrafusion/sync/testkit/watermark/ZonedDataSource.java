package io.terrafusion.sync.testkit.watermark;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections of another data source, each with its session time zone set first. PgJDBC sends the
 * JVM's zone at connection start, which overrides a {@code TimeZone} given in the URL's options.
 */
final class ZonedDataSource implements DataSource {
  private final DataSource delegate;
  private final String setZone;

  ZonedDataSource(DataSource delegate, String setZone) {
    this.delegate = delegate;
    this.setZone = setZone;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return zoned(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return zoned(delegate.getConnection(username, password));
  }

  private Connection zoned(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(setZone);
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
