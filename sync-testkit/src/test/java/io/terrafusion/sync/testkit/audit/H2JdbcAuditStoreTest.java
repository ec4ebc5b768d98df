package io.terrafusion.sync.testkit.audit;

import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.TestDatabase;

/** The JDBC audit store on H2. */
class H2JdbcAuditStoreTest extends JdbcAuditStoreContract {
  @Override
  protected TestDatabase newDatabase() {
    return EmbeddedDatabase.h2();
  }
}
