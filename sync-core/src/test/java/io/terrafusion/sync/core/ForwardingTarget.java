package io.terrafusion.sync.core;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;
import java.util.Optional;

/** A target store that passes every call to another; tests override what they distort. */
class ForwardingTarget implements TargetStore {
  private final TargetStore delegate;

  ForwardingTarget(TargetStore delegate) {
    this.delegate = delegate;
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
  public void apply(TableSchema table, WriteBatch batch) {
    delegate.apply(table, batch);
  }
}
