package io.terrafusion.sync.core;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;

/**
 * A {@link TargetStore} that passes every call to another store, the delegate: a base for
 * decorators that change some calls of a target and leave the rest alone. A subclass overrides the
 * methods it changes and calls {@code super} to reach the delegate.
 *
 * <p>Every method is forwarded, the default ones included ({@link #createTable} and the
 * three-argument {@link #apply(TableSchema, WriteBatch, List)} here, and those of {@link
 * ForwardingSourceStore}). Each method forwards to the delegate's method of the same signature only,
 * so the two {@code apply} methods are independent: the engine writes its batches through {@link
 * #apply(TableSchema, WriteBatch, List)}, and a decorator that changes how batches are written
 * overrides that one (and {@link #apply(TableSchema, WriteBatch)} too if it must see direct calls,
 * such as those resolving a conflict over HTTP).
 *
 * <p>Thread safety is the delegate's: this class keeps no state beyond the delegate. A subclass that
 * keeps state of its own guards it itself. Arguments are passed on unchecked, so bad input meets the
 * delegate's checks.
 */
public abstract class ForwardingTargetStore extends ForwardingSourceStore implements TargetStore {
  private final TargetStore delegate;

  /**
   * A store that forwards to {@code delegate}.
   *
   * @throws NullPointerException if {@code delegate} is null
   */
  protected ForwardingTargetStore(TargetStore delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  @Override
  public TargetStore delegate() {
    return delegate;
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    delegate.apply(table, batch);
  }

  @Override
  public void createTable(TableSchema schema) {
    delegate.createTable(schema);
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    delegate.apply(table, batch, alongside);
  }
}
