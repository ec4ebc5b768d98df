package io.terrafusion.sync.core;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target that records the order of applies per table, counts how many run at once, and calls a
 * per-table hook with the table's 1-based apply number before each apply (outside the delegate's
 * lock, so hooks of two tables may wait for each other). Thread-safe.
 */
final class GatedTarget extends ForwardingTargetStore {
  /** What to do before a table's n-th apply; may block or throw. */
  interface Hook {
    void before(int n) throws Exception;
  }

  private final Map<TableId, Hook> hooks = new HashMap<>();
  private final Map<TableId, Integer> applies = new HashMap<>();
  private final List<String> events = new ArrayList<>();
  private final AtomicInteger inside = new AtomicInteger();
  private final AtomicInteger mostInside = new AtomicInteger();

  GatedTarget(TargetStore delegate) {
    super(delegate);
  }

  synchronized GatedTarget hook(TableId table, Hook hook) {
    hooks.put(table, hook);
    return this;
  }

  /** {@code apply <table>} for every apply, in the order they began. */
  synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** The most applies that ran at once. */
  int mostAtOnce() {
    return mostInside.get();
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    Hook hook;
    int n;
    synchronized (this) {
      n = applies.merge(table.id(), 1, Integer::sum);
      hook = hooks.getOrDefault(table.id(), i -> {});
      events.add("apply " + table.id());
    }
    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
    try {
      hook.before(n);
      super.apply(table, batch, alongside);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the test hook of " + table.id() + " failed", e);
    } finally {
      inside.decrementAndGet();
    }
  }
}
