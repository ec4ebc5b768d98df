package io.terrafusion.sync.core;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A target that refuses, as a database would with SQLState 22001, every batch holding a row or a
 * delete of one of its bad keys; it counts the applies it is asked for. A batch it refuses is not
 * applied at all. Optionally it names a key in the failure, as drivers do from batch update counts.
 */
final class RefusingTarget extends ForwardingTargetStore {
  private final Set<RowKey> bad = new HashSet<>();
  private final AtomicInteger applies = new AtomicInteger();
  private @Nullable RowKey hint;
  private boolean hintRefused;

  RefusingTarget(MemoryStore delegate) {
    super(delegate);
  }

  /** Refuses the rows of these keys. */
  synchronized RefusingTarget refuse(Object... keys) {
    for (Object key : keys) {
      bad.add(RowKey.of(key));
    }
    return this;
  }

  /** Takes every row from now on, as after a fix of the cause. */
  synchronized RefusingTarget allowAll() {
    bad.clear();
    return this;
  }

  /** Names this key in every failure, refused or not; with {@code refusedFirst}, the first refused key. */
  synchronized RefusingTarget hint(@Nullable Object key, boolean refusedFirst) {
    this.hint = key == null ? null : RowKey.of(key);
    this.hintRefused = refusedFirst;
    return this;
  }

  int applies() {
    return applies.get();
  }

  @Override
  public synchronized void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    applies.incrementAndGet();
    RowKey first = batch.deletes().stream().filter(bad::contains).findFirst()
        .orElse(batch.upserts().stream().map(Row::key).filter(bad::contains).findFirst().orElse(null));
    if (first != null) {
      RowKey named = hintRefused ? first : hint;
      throw new DataAccessException("cannot apply a batch to table " + table.id()
          + (named == null ? "" : " at row " + named) + ": SQLState 22001, vendor code 0", table.id(), named,
          "22001", null);
    }
    super.apply(table, batch, alongside);
  }
}
