package io.terrafusion.sync.testkit.state;

import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.StateStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The JDBC state store keeps the state store contract on Postgres. */
class PostgresStateStoreContractTest extends StateStoreContract {
  private ServerDatabase db;

  @Override
  protected StateStore newStore() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfstate_contract_pg");
    return JdbcStateStore.create(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }
}
