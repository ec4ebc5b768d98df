package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.ForwardingSourceStore;
import io.terrafusion.sync.spi.SourceStore;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A source that passes every call to another and notes where each read began and how many rows it gave. */
final class ReadRecordingSource extends ForwardingSourceStore {
  private final List<@Nullable RowKey> starts = new ArrayList<>();
  private long rowsRead;

  ReadRecordingSource(SourceStore delegate) {
    super(delegate);
  }

  /** The key after which each read began (null for the beginning), in the order of the reads. */
  synchronized List<@Nullable RowKey> starts() {
    return new ArrayList<>(starts);
  }

  /** The rows all reads returned together. */
  synchronized long rowsRead() {
    return rowsRead;
  }

  @Override
  public List<Row> read(TableSchema table, KeyRange range, int limit) {
    List<Row> rows = super.read(table, range, limit);
    synchronized (this) {
      starts.add(range.after());
      rowsRead += rows.size();
    }
    return rows;
  }

  @Override
  public List<Row> fetch(TableSchema table, List<RowKey> keys) {
    List<Row> rows = super.fetch(table, keys);
    synchronized (this) {
      rowsRead += rows.size();
    }
    return rows;
  }
}
