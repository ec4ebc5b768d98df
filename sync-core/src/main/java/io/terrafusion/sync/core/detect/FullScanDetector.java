package io.terrafusion.sync.core.detect;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.internal.KeyOrder;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The full-scan detector, named {@value #NAME}: reads the whole source table in key order, in pages
 * of the batch size, and yields each page as a <em>snapshot</em> batch of upserts.
 *
 * <p>Batch {@code i} covers the keys {@code (last key of page i-1, last key of page i]}; the final
 * page (shorter than the batch size, possibly empty) covers everything above the previous page, so
 * that the batches together cover every key and the engine can delete target rows the source lacks.
 * The checkpoint after each batch is the last key read, so a run resumes after it. Only one page is
 * held at a time; memory is bounded by the batch size.
 *
 * <p>This class is stateless and thread-safe; each {@link #open} is an independent run whose stream
 * is used by one thread.
 */
public final class FullScanDetector implements ChangeDetector {
  /** The detector's name, stored with its checkpoints. */
  public static final String NAME = "full";

  private static final FullScanDetector INSTANCE = new FullScanDetector();

  private FullScanDetector() {}

  /** The full-scan detector. */
  public static FullScanDetector create() {
    return INSTANCE;
  }

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Starts a scan after the context's checkpoint, or from the first key when it is initial.
   *
   * @throws IllegalArgumentException if the checkpoint was not written by this detector or its
   *     position is not a key
   */
  @Override
  public ChangeStream open(DetectionContext context) {
    Objects.requireNonNull(context, "context");
    Checkpoint checkpoint = context.checkpoint().requireDetector(NAME);
    RowKey start = checkpoint.isInitial() ? null : KeyCodec.decode(checkpoint.position());
    return new Scan(context.table(), context.source(), context.batchSize(), start);
  }

  /** One scan; not thread-safe. */
  private static final class Scan implements ChangeStream {
    private final TableSchema table;
    private final SourceStore source;
    private final int batchSize;
    private @Nullable RowKey lastKey;
    private long sequence;
    private boolean done;

    Scan(TableSchema table, SourceStore source, int batchSize, @Nullable RowKey start) {
      this.table = table;
      this.source = source;
      this.batchSize = batchSize;
      this.lastKey = start;
    }

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public ChangeBatch next() {
      if (done) {
        throw new NoSuchElementException("the scan of " + table.id() + " has ended");
      }
      List<Row> page = source.read(table, KeyRange.after(lastKey), batchSize);
      RowKey previous = lastKey;
      boolean last = page.size() < batchSize;
      List<Change> changes = new ArrayList<>(page.size());
      RowKey before = previous;
      for (Row row : page) {
        RowKey key = row.key();
        KeyOrder.requireAscending(table.id(), "source", before, key);
        changes.add(Change.upsert(row));
        before = key;
      }
      if (!page.isEmpty()) {
        lastKey = before;
      }
      KeyRange range = new KeyRange(previous, last ? null : lastKey);
      String position = lastKey == null ? "" : KeyCodec.encode(lastKey);
      done = last;
      return new ChangeBatch(table.id(), sequence++, changes, range, new Checkpoint(table.id(), NAME, position));
    }

    @Override
    public void close() {
      done = true;
    }
  }
}
