package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;

/**
 * The target as a job sees it: every call under the job's guard. Retrying {@link #apply} is safe, as
 * a batch is one transaction and idempotent, and the store takes a fresh connection for each call.
 */
final class GuardedTarget extends GuardedSource implements TargetStore {

  GuardedTarget(TargetStore delegate, JobGuard guard) {
    super(delegate, Resilience.TARGET, guard);
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    guard.run(breaker, "apply a batch to " + table.id(), () -> target().apply(table, batch));
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    guard.run(breaker, "apply a batch to " + table.id(), () -> target().apply(table, batch, alongside));
  }

  @Override
  public void createTable(TableSchema schema) {
    guard.run(breaker, "create table " + schema.id(), () -> target().createTable(schema));
  }

  /** The store itself, for a state store to recognise the database it shares with it. */
  TargetStore target() {
    return (TargetStore) delegate();
  }
}
