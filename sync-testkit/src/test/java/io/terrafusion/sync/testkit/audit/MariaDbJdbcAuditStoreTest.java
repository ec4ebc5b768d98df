package io.terrafusion.sync.testkit.audit;

import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;

/** The JDBC audit store on MariaDB. */
class MariaDbJdbcAuditStoreTest extends JdbcAuditStoreContract {
  @Override
  protected TestDatabase newDatabase() {
    ServerDatabase.require(Kind.MARIADB);
    return ServerDatabase.create(Kind.MARIADB, "tfaudit_store_maria");
  }
}
