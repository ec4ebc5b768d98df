package io.terrafusion.sync.testkit.audit;

import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;

/** The JDBC audit store on PostgreSQL. */
class PostgresJdbcAuditStoreTest extends JdbcAuditStoreContract {
  @Override
  protected TestDatabase newDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    return ServerDatabase.create(Kind.POSTGRESQL, "tfaudit_store_pg");
  }
}
