package io.terrafusion.sync.testkit.state;

import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.StateStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The JDBC state store keeps the state store contract on Sqlite. */
class SqliteStateStoreContractTest extends StateStoreContract {
  private EmbeddedDatabase db;

  @Override
  protected StateStore newStore() {
    db = EmbeddedDatabase.sqlite();
    return JdbcStateStore.create(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }
}
