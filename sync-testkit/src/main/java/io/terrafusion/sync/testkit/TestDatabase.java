package io.terrafusion.sync.testkit;

import io.terrafusion.sync.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A database made for one test (or one test class): a data source, the library's store over it, and
 * SQL helpers for arranging data and checking results. {@link #close()} drops it.
 *
 * <p>Implementations are thread-safe.
 */
public abstract class TestDatabase implements AutoCloseable {
  private final String label;
  private final DataSource dataSource;
  private volatile @Nullable JdbcStore store;

  /** A database known by {@code label} in messages, reached through {@code dataSource}. */
  protected TestDatabase(String label, DataSource dataSource) {
    this.label = label;
    this.dataSource = dataSource;
  }

  /** A short name for messages, such as {@code h2:tfsync1_42}; it never holds credentials. */
  public final String label() {
    return label;
  }

  /** A data source for the database. */
  public final DataSource dataSource() {
    return dataSource;
  }

  /** The sync store of this database, created on first use and reused after. */
  public final JdbcStore store() {
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
  public final void execute(String... statements) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String sql : statements) {
        try {
          st.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + label + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one statement with bound parameters.
   *
   * @return the update count
   * @throws IllegalStateException if it fails, naming the statement
   */
  public final int update(String sql, @Nullable Object... params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
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
  public final long queryLong(String sql, @Nullable Object... params) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
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
  public final long count(String table) {
    return queryLong("SELECT count(*) FROM " + table);
  }

  /** Drops the database. */
  @Override
  public void close() {
    JdbcStore s = store;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + label + "]";
  }

  private static void bind(PreparedStatement ps, @Nullable Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
