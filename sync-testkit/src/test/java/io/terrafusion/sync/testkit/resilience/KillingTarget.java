package io.terrafusion.sync.testkit.resilience;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.ForwardingTargetStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target that passes every call to a real one and, when the given applies begin, starts a round of
 * the session killer: the progress of the sync, not time, decides when connections die.
 */
final class KillingTarget extends ForwardingTargetStore {
  private final SessionKiller killer;
  private final Set<Integer> killAtApply;
  private final AtomicInteger applies = new AtomicInteger();

  KillingTarget(TargetStore delegate, SessionKiller killer, Set<Integer> killAtApply) {
    super(delegate);
    this.killer = killer;
    this.killAtApply = killAtApply;
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    if (killAtApply.contains(applies.incrementAndGet())) {
      killer.round();
    }
    super.apply(table, batch, alongside);
  }
}
