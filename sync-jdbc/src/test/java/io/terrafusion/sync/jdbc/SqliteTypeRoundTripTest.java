package io.terrafusion.sync.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** Canonical types on SQLite. */
class SqliteTypeRoundTripTest extends TypeRoundTripContract {
  @TempDir Path directory;

  @Override
  DataSource newDatabase() {
    return TestDatabases.sqlite(directory);
  }
}
