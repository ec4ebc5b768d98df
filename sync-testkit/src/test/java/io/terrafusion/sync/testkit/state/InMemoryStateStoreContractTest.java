package io.terrafusion.sync.testkit.state;

import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.testkit.StateStoreContract;

/** The in-memory state store keeps the state store contract. */
class InMemoryStateStoreContractTest extends StateStoreContract {
  @Override
  protected StateStore newStore() {
    return new InMemoryStateStore();
  }
}
