package io.terrafusion.sync.testkit.audit;

import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.TestDatabase;

/** The JDBC audit store on SQLite. */
class SqliteJdbcAuditStoreTest extends JdbcAuditStoreContract {
  @Override
  protected TestDatabase newDatabase() {
    return EmbeddedDatabase.sqlite();
  }
}
