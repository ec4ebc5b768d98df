package io.terrafusion.sync.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite. */
class SqliteStoreTest extends JdbcStoreContract {
  @TempDir Path directory;

  @Override
  DataSource newDatabase() {
    return TestDatabases.sqlite(directory);
  }

  @Override
  String expectedDialect() {
    return "sqlite";
  }
}
