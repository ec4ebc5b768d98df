package io.terrafusion.sync.testkit.resilience;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target that passes every call to a real one and, when the given applies begin, starts a round of
 * the session killer: the progress of the sync, not time, decides when connections die.
 */
final class KillingTarget implements TargetStore {
  private final TargetStore delegate;
  private final SessionKiller killer;
  private final Set<Integer> killAtApply;
  private final AtomicInteger applies = new AtomicInteger();

  KillingTarget(TargetStore delegate, SessionKiller killer, Set<Integer> killAtApply) {
    this.delegate = delegate;
    this.killer = killer;
    this.killAtApply = killAtApply;
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    if (killAtApply.contains(applies.incrementAndGet())) {
      killer.round();
    }
    delegate.apply(table, batch);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public List<TableId> tables() {
    return delegate.tables();
  }

  @Override
  public Optional<TableSchema> table(TableId table) {
    return delegate.table(table);
  }

  @Override
  public List<Row> read(TableSchema table, KeyRange range, int limit) {
    return delegate.read(table, range, limit);
  }

  @Override
  public List<Row> fetch(TableSchema table, List<RowKey> keys) {
    return delegate.fetch(table, keys);
  }

  @Override
  public Optional<SegmentChecksums> segmentChecksums() {
    return delegate.segmentChecksums();
  }

  @Override
  public void createTable(TableSchema schema) {
    delegate.createTable(schema);
  }
}
