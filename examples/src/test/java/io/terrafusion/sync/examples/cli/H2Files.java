package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.CountyProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** H2 file databases for the runner's tests, reached by URL as the runner reaches them. */
final class H2Files {
  private H2Files() {}

  static String url(Path directory, String name) {
    return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE";
  }

  static JdbcStore store(String url) {
    return JdbcStore.of(dataSource(url));
  }

  /** Creates the county project's empty tables. */
  static void countySchema(String url) {
    execute(url, CountyProject.ddl().toArray(String[]::new));
  }

  /** Creates the county project's tables and fills them. */
  static void county(String url, int parcels) {
    countySchema(url);
    CountyProject.generate(store(url), parcels, 7);
  }

  static void execute(String url, String... statements) {
    try (Connection connection = dataSource(url).getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test setup failed: " + e.getMessage(), e);
    }
  }

  private static DataSource dataSource(String url) {
    return new DriverManagerDataSource(url);
  }
}
