package io.terrafusion.sync.testkit.http;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A target that passes every call to a real one, except that, once held, each apply signals {@link
 * #applying} and waits for {@link #release}: a job stays RUNNING while the test acts over HTTP.
 */
final class HeldTarget implements TargetStore {
  final CountDownLatch applying = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  private final TargetStore delegate;
  private volatile boolean held;

  HeldTarget(TargetStore delegate) {
    this.delegate = delegate;
  }

  void hold() {
    held = true;
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    if (held) {
      applying.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the held target");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
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
  public void refresh() {
    delegate.refresh();
  }
}
