package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SourceStore;
import java.util.List;
import java.util.Optional;

/**
 * A store whose reads run under a job's guard: retried when they fail transiently, refused when its
 * breaker is open. Checksum queries are left to the change detectors, whose streams are retried whole.
 */
class GuardedSource implements SourceStore {
  final SourceStore delegate;
  final String breaker;
  final JobGuard guard;

  GuardedSource(SourceStore delegate, String breaker, JobGuard guard) {
    this.delegate = delegate;
    this.breaker = breaker;
    this.guard = guard;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public List<TableId> tables() {
    return guard.call(breaker, "list tables", delegate::tables);
  }

  @Override
  public Optional<TableSchema> table(TableId table) {
    return guard.call(breaker, "read the schema of " + table, () -> delegate.table(table));
  }

  @Override
  public List<Row> read(TableSchema table, KeyRange range, int limit) {
    return guard.call(breaker, "read " + table.id(), () -> delegate.read(table, range, limit));
  }

  @Override
  public List<Row> fetch(TableSchema table, List<RowKey> keys) {
    return guard.call(breaker, "fetch rows of " + table.id(), () -> delegate.fetch(table, keys));
  }

  @Override
  public Optional<SegmentChecksums> segmentChecksums() {
    return delegate.segmentChecksums();
  }

  @Override
  public void refresh() {
    delegate.refresh();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
