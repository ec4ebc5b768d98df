package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.ForwardingSourceStore;
import io.terrafusion.sync.spi.SourceStore;
import java.util.List;
import java.util.Optional;

/**
 * A store whose reads run under a job's guard: retried when they fail transiently, refused when its
 * breaker is open. Checksum queries are left to the change detectors, whose streams are retried whole;
 * the name, refreshing, closing and row estimates (which the engine never retries) go straight to the
 * store.
 */
class GuardedSource extends ForwardingSourceStore {
  final String breaker;
  final JobGuard guard;

  GuardedSource(SourceStore delegate, String breaker, JobGuard guard) {
    super(delegate);
    this.breaker = breaker;
    this.guard = guard;
  }

  @Override
  public List<TableId> tables() {
    return guard.call(breaker, "list tables", super::tables);
  }

  @Override
  public Optional<TableSchema> table(TableId table) {
    return guard.call(breaker, "read the schema of " + table, () -> super.table(table));
  }

  @Override
  public List<Row> read(TableSchema table, KeyRange range, int limit) {
    return guard.call(breaker, "read " + table.id(), () -> super.read(table, range, limit));
  }

  @Override
  public List<Row> fetch(TableSchema table, List<RowKey> keys) {
    return guard.call(breaker, "fetch rows of " + table.id(), () -> super.fetch(table, keys));
  }
}
