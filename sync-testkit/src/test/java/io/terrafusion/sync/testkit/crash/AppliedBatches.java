package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.spi.AuditSink;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An audit sink that reports each applied transaction: the engine records its row events after the
 * commit and then flushes, so every flush that follows row events is one committed transaction.
 */
final class AppliedBatches implements AuditSink {
  private static final Set<AuditEventType> ROWS =
      EnumSet.of(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED, AuditEventType.ROW_DELETED);

  /** One committed transaction: how many rows it wrote, and its first and last key. */
  record Applied(int rows, long firstKey, long lastKey) {
    /** The line the crash child prints for it. */
    String line() {
      return "applied " + rows + " " + firstKey + " " + lastKey;
    }

    /** The transaction a {@link #line()} describes. */
    static Applied parse(String line) {
      String[] parts = line.split(" ");
      return new Applied(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    }
  }

  private final Consumer<Applied> listener;
  private int rows;
  private @Nullable RowKey first;
  private @Nullable RowKey last;

  AppliedBatches(Consumer<Applied> listener) {
    this.listener = listener;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (ROWS.contains(event.type()) && event.key() != null) {
      rows++;
      if (first == null) {
        first = event.key();
      }
      last = event.key();
    }
  }

  @Override
  public void flush() {
    Applied applied;
    synchronized (this) {
      if (rows == 0 || first == null || last == null) {
        return;
      }
      applied = new Applied(rows, ((Number) first.get(0)).longValue(), ((Number) last.get(0)).longValue());
      rows = 0;
      first = null;
      last = null;
    }
    listener.accept(applied);
  }
}
