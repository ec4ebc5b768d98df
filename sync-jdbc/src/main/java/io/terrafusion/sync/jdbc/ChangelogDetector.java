package io.terrafusion.sync.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.jdbc.internal.ChangeCapture;
import io.terrafusion.sync.jdbc.internal.ChangeKeyKind;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The changelog detector, named {@value #NAME}: reads the changes that the triggers of {@link
 * Changelog} recorded for a table, and yields the current source rows of the changed keys.
 *
 * <p>A run reads the table's change rows in sequence order, from the lowest one left (a run never
 * skips a change row because an earlier run read past its number), up to the highest number recorded
 * when the run opened, {@code batchSize} rows at a time. Each batch collapses its rows to one change
 * per key, fetches the current source rows of those keys and yields, in key order, an upsert of each
 * row that exists and a delete of each key that no longer does. Once the engine reports a batch
 * durable at the target ({@link ChangeStream#committed}), exactly the change rows it consumed are
 * deleted: that is the pruning.
 *
 * <p>Why nothing is lost: a change row committed late, with a lower number than rows already read,
 * stays in the change table and is read by the next run; a crash between applying a batch and
 * pruning it leaves its rows, and the next run applies the then-current rows again, which is
 * idempotent. The checkpoint after each batch holds the last sequence number read, for information
 * only.
 *
 * <p>The source must be a {@link JdbcStore} with the changelog installed on the table ({@link
 * Changelog#install}). Several engines must not run this detector on the same table at once: each
 * would prune what the other read.
 *
 * <p>This class is stateless and thread-safe; each {@link #open} is an independent run.
 */
public final class ChangelogDetector implements ChangeDetector {
  /** The detector's name, stored with its checkpoints. */
  public static final String NAME = "changelog";

  private static final ChangelogDetector INSTANCE = new ChangelogDetector();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangelogDetector() {}

  /** The changelog detector. */
  public static ChangelogDetector create() {
    return INSTANCE;
  }

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Starts a run over the table's recorded changes.
   *
   * @throws IllegalArgumentException if the source is not a {@link JdbcStore}, the checkpoint was
   *     written by another detector, or a key column's type cannot be recorded
   * @throws TableSyncException if the table's changelog triggers are missing or incomplete; the
   *     message names the table and says to install the changelog
   * @throws DataAccessException if the change table cannot be read
   */
  @Override
  public ChangeStream open(DetectionContext context) {
    Objects.requireNonNull(context, "context");
    TableId table = context.table().id();
    if (!(context.source() instanceof JdbcStore store)) {
      throw new IllegalArgumentException("the " + NAME + " detector reads a JdbcStore, but the source of table " + table
          + " is " + context.source().name());
    }
    Checkpoint checkpoint = context.checkpoint().requireDetector(NAME);
    ChangeTriggers triggers = Changelog.triggers(store, context.table());
    ChangeCapture capture = new ChangeCapture(store.dialect());
    int installed = store.withHandle("check the changelog of", table, handle -> capture.installed(handle, triggers));
    if (installed != triggers.triggerNames().size()) {
      throw new TableSyncException("table " + table + " has " + installed + " of its " + triggers.triggerNames().size()
          + " changelog triggers in " + store.name() + ", so its changes are not recorded; install the changelog"
          + " (Changelog.install) before syncing it with the " + NAME + " detector", table, null);
    }
    long upTo = store.withHandle("read the changelog of", table, handle -> capture.lastSeq(handle, triggers));
    return new Run(store, capture, triggers, context.table(), context.batchSize(), upTo);
  }

  /** One run. next() and committed() may be called from different threads; the pending seqs are shared. */
  private static final class Run implements ChangeStream {
    private final JdbcStore store;
    private final ChangeCapture capture;
    private final ChangeTriggers triggers;
    private final TableSchema table;
    private final List<ChangeKeyKind> kinds;
    private final int batchSize;
    private final long upTo;
    private final Map<Long, List<Long>> pending = new ConcurrentHashMap<>();
    private long lastSeq = Long.MIN_VALUE;
    private long sequence;
    private boolean done;
    private @Nullable ChangeBatch ahead;

    Run(JdbcStore store, ChangeCapture capture, ChangeTriggers triggers, TableSchema table, int batchSize, long upTo) {
      this.store = store;
      this.capture = capture;
      this.triggers = triggers;
      this.table = table;
      this.kinds = triggers.key().stream().map(ChangeKeyKind::of).toList();
      this.batchSize = batchSize;
      this.upTo = upTo;
      this.done = upTo == Long.MIN_VALUE;
    }

    @Override
    public boolean hasNext() {
      if (ahead == null && !done) {
        ahead = read();
      }
      return ahead != null;
    }

    @Override
    public ChangeBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the changelog run of " + table.id() + " has ended");
      }
      ChangeBatch batch = ahead;
      ahead = null;
      return batch;
    }

    /** Deletes exactly the change rows that the batch consumed. */
    @Override
    public void committed(ChangeBatch batch) {
      List<Long> seqs = pending.remove(batch.sequence());
      if (seqs != null) {
        store.withHandle("prune the changelog of", table.id(), handle -> {
          capture.delete(handle, triggers.changeTable(), seqs);
          return null;
        });
      }
    }

    @Override
    public void close() {
      done = true;
      ahead = null;
    }

    private @Nullable ChangeBatch read() {
      List<ChangeCapture.Entry> entries = store.withHandle("read the changelog of", table.id(),
          handle -> capture.read(handle, triggers, lastSeq, upTo, batchSize));
      done = entries.size() < batchSize;
      if (entries.isEmpty()) {
        return null;
      }
      List<Long> seqs = new ArrayList<>(entries.size());
      SortedSet<RowKey> keys = new TreeSet<>();
      for (ChangeCapture.Entry entry : entries) {
        seqs.add(entry.seq());
        keys.add(decode(entry));
      }
      lastSeq = entries.get(entries.size() - 1).seq();
      Map<RowKey, Row> current = new HashMap<>();
      for (Row row : store.fetch(table, new ArrayList<>(keys))) {
        current.put(row.key(), row);
      }
      List<Change> changes = new ArrayList<>(keys.size());
      for (RowKey key : keys) {
        Row row = current.get(key);
        changes.add(row == null ? Change.delete(key, null) : Change.upsert(row));
      }
      long number = sequence++;
      pending.put(number, seqs);
      return new ChangeBatch(table.id(), number, changes, null, new Checkpoint(table.id(), NAME, Long.toString(lastSeq)));
    }

    private RowKey decode(ChangeCapture.Entry entry) {
      try {
        JsonNode array = JSON.readTree(entry.key());
        if (array == null || !array.isArray() || array.size() != kinds.size()) {
          throw new IllegalArgumentException("a JSON array of " + kinds.size() + " key values is expected");
        }
        Object[] values = new Object[kinds.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = kinds.get(i).decode(array.get(i));
        }
        return RowKey.of(values);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new TableSyncException("change row " + entry.seq() + " of table " + table.id() + " in " + Changelog.CHANGE_TABLE
            + " holds a key that does not decode to " + keyColumns() + ": " + e.getMessage(), table.id(), e);
      }
    }

    private List<String> keyColumns() {
      return triggers.key().stream().map(Column::name).toList();
    }
  }
}
