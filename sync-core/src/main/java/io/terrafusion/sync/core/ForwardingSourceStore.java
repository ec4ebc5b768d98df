package io.terrafusion.sync.core;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SourceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link SourceStore} that passes every call to another store, the delegate: a base for
 * decorators that count, delay, fail or otherwise change some calls of a store and leave the rest
 * alone. A subclass overrides the methods it changes and calls {@code super} to reach the delegate.
 *
 * <p>Every method of the interface is forwarded, its default methods included ({@link
 * #segmentChecksums()}, {@link #refresh()}, {@link #estimatedRowCount}, {@link #close()}), so a
 * decorator does not silently fall back to a default the delegate overrides. Each method forwards to
 * the delegate's method of the same signature and to no other method of this class: overriding one
 * method changes that method only.
 *
 * <p>Thread safety is the delegate's: this class keeps no state beyond the delegate. A subclass that
 * keeps state of its own guards it itself. Arguments are passed on unchecked, so bad input meets the
 * delegate's checks.
 */
public abstract class ForwardingSourceStore implements SourceStore {
  private final SourceStore delegate;

  /**
   * A store that forwards to {@code delegate}.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingSourceStore(SourceStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store every call is forwarded to. */
  public SourceStore delegate() {
    return delegate;
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

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public OptionalLong estimatedRowCount(TableSchema table) {
    return delegate.estimatedRowCount(table);
  }
}
