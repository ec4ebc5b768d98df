package io.terrafusion.sync.jdbc;

import javax.sql.DataSource;

/** The store contract on H2. */
class H2StoreTest extends JdbcStoreContract {

  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }

  @Override
  String expectedDialect() {
    return "h2";
  }
}
