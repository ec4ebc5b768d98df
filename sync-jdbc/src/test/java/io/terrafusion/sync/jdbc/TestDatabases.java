package io.terrafusion.sync.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** Fresh databases for tests: each call makes a database no other test sees. */
final class TestDatabases {
  private TestDatabases() {}

  static DataSource h2() {
    return new DriverManagerDataSource("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1;USER=sa", "secret");
  }

  static DataSource sqlite(Path directory) {
    return new DriverManagerDataSource("jdbc:sqlite:" + directory.resolve("db-" + UUID.randomUUID() + ".sqlite"));
  }

  static void execute(DataSource dataSource, String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
    }
  }
}
