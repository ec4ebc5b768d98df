package io.terrafusion.sync.core.detect;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.internal.KeyOrder;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.spi.SourceStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One run of the {@link HashDiffDetector}: a depth-first walk over key-range segments in ascending
 * key order, kept as a stack of pending work so that a level is split only when it is visited. Not
 * thread-safe.
 */
final class Bisection implements ChangeStream {
  /** The fewest parts of a range from which their share of differing parts is telling. */
  private static final int DENSE_MIN_PARTS = 8;
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Runs the target's side of a whole-range comparison; threads end when idle. */
  private static final Executor WHOLE_RANGE = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "terrafusion-sync-checksum-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  /** The two stores and what they compare: source columns and target columns, position by position. */
  record Sides(DetectionContext context, SegmentChecksums sourceSums, SegmentChecksums targetSums,
      List<String> targetColumns) {}

  /** The run's sizes: batch, top-level segment, fan-out and leaf. */
  record Sizes(int batch, int top, int fanOut, int leaf) {}

  /** A range as both stores see it. */
  private record Pair(KeyRange range, Segment source, Segment target) {}

  /** A piece of work; a step pushes back whatever of it remains, before any work it spawns. */
  private interface Work {
    void step();
  }

  private final TableId id;
  private final TableSchema table;
  private final TableSchema targetTable;
  private final SourceStore source;
  private final SourceStore target;
  private final Sides sides;
  private final Sizes sizes;
  private final int[] sourcePositions;
  private final boolean resumed;
  private final Deque<Work> work = new ArrayDeque<>();
  private final Deque<ChangeBatch> ready = new ArrayDeque<>();
  private final List<Change> pending = new ArrayList<>();
  private @Nullable RowKey doneUpTo;
  private boolean doneAll;
  private boolean ended;
  private boolean lastInitial;
  private long sequence;

  Bisection(Sides sides, Sizes sizes, @Nullable RowKey start) {
    DetectionContext context = sides.context();
    this.id = context.table().id();
    this.table = context.table();
    this.targetTable = Objects.requireNonNull(context.targetTable(), "targetTable");
    this.source = context.source();
    this.target = Objects.requireNonNull(context.target(), "target");
    this.sides = sides;
    this.sizes = sizes;
    this.sourcePositions = context.sourceColumns().stream().mapToInt(c -> table.layout().position(c)).toArray();
    this.resumed = start != null;
    this.doneUpTo = start;
    work.push(() -> {
      KeyRange all = KeyRange.after(start);
      if (sameOnBothSides(all)) {
        complete(all);
      } else {
        List<Pair> parts = pairs(all, true, sizes.top());
        work.push(parts.size() == 1 ? new Frame(parts) : descend(all, parts));
      }
    });
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !ended) {
      Work next = work.poll();
      if (next == null) {
        finish();
      } else {
        next.step();
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public ChangeBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the hash-diff of " + id + " has ended");
    }
    return ready.remove();
  }

  @Override
  public void close() {
    ended = true;
    work.clear();
    ready.clear();
    pending.clear();
  }

  private void visit(Pair pair) {
    Segment s = pair.source();
    Segment t = pair.target();
    if (s.sameAs(t)) {
      complete(pair.range());
    } else if (t.rows() == 0) {
      flushPending();
      work.push(new SnapshotScan(pair.range()));
    } else if (s.rows() == 0) {
      flushPending();
      deleteAll(pair.range(), t.rows());
    } else if (Math.max(s.rows(), t.rows()) <= sizes.leaf()) {
      work.push(new LeafCompare(pair.range()));
    } else {
      split(pair.range(), s.rows(), t.rows());
    }
  }

  private void split(KeyRange range, long sourceRows, long targetRows) {
    long larger = Math.max(sourceRows, targetRows);
    long rows = Math.max(sizes.leaf(), (larger + sizes.fanOut() - 1) / sizes.fanOut());
    List<Pair> parts = pairs(range, sourceRows >= targetRows, (int) Math.min(Integer.MAX_VALUE, rows));
    // One part means the rows moved since they were counted; comparing row by row is right at any size.
    work.push(parts.size() == 1 ? new LeafCompare(range) : descend(range, parts));
  }

  /**
   * The work for a range split into parts: each part on its own, unless at least {@value
   * #DENSE_MIN_PARTS} parts were compared and more than three quarters of them differ. Then the
   * changes are spread thin and bisecting further would compute checksums of nearly every row again
   * and still read them all; scanning the range as snapshot batches reads each row once instead.
   */
  private Work descend(KeyRange range, List<Pair> parts) {
    long differing = parts.stream().filter(pair -> !pair.source().sameAs(pair.target())).count();
    if (parts.size() >= DENSE_MIN_PARTS && differing * 4 > parts.size() * 3) {
      flushPending();
      return new SnapshotScan(range);
    }
    return new Frame(parts);
  }

  /**
   * The source rows of a range as snapshot batches of the batch size, which the engine merges with the
   * target: for a range the target lacks, or one where most parts differ.
   */
  private final class SnapshotScan implements Work {
    private final KeyRange range;
    private @Nullable RowKey last;

    SnapshotScan(KeyRange range) {
      this.range = range;
      this.last = range.after();
    }

    @Override
    public void step() {
      List<Row> page = source.read(table, new KeyRange(last, range.upTo()), sizes.batch());
      RowKey previous = last;
      List<Change> changes = new ArrayList<>(page.size());
      for (Row row : page) {
        RowKey key = checked(row, "source", last);
        changes.add(Change.upsert(row));
        last = key;
      }
      boolean done = page.size() < sizes.batch() || reached(last, range.upTo());
      KeyRange covered = new KeyRange(previous, done ? range.upTo() : last);
      complete(covered);
      emit(changes, covered);
      if (!done) {
        work.push(this);
      }
    }
  }

  /** Deletes a range's target rows through snapshot batches without changes, a batch size of rows each. */
  private void deleteAll(KeyRange range, long targetRows) {
    List<KeyRange> parts = targetRows <= sizes.batch() ? List.of(range)
        : covering(range, sides.targetSums().split(targetTable, sides.targetColumns(), range, sizes.batch()),
            target).stream().map(Segment::range).toList();
    for (KeyRange part : parts) {
      complete(part);
      emit(List.of(), part);
    }
  }

  /** The rows of both sides of a range, merged by key into the changes that make the target equal. */
  private final class LeafCompare implements Work {
    private final KeyRange range;
    private final RangeCursor sourceRows;
    private final RangeCursor targetRows;
    private @Nullable RowKey consumed;

    LeafCompare(KeyRange range) {
      this.range = range;
      int page = Math.min(sizes.leaf(), sizes.batch()) + 1;
      this.sourceRows = new RangeCursor(source, table, range, page, "source");
      this.targetRows = new RangeCursor(target, targetTable, range, page, "target");
    }

    @Override
    public void step() {
      while (true) {
        Row s = sourceRows.peek();
        Row t = targetRows.peek();
        if (s == null && t == null) {
          complete(range);
          if (pending.size() >= sizes.batch()) {
            flushPending();
          }
          return;
        }
        if (pending.size() >= sizes.batch()) {
          doneUpTo = consumed;
          flushPending();
          work.push(this);
          return;
        }
        int order = s == null ? 1 : t == null ? -1 : s.key().compareTo(t.key());
        if (order < 0) {
          pending.add(Change.insert(sourceRows.take()));
          consumed = s.key();
        } else if (order > 0) {
          consumed = targetRows.take().key();
          pending.add(Change.delete(consumed, null));
        } else {
          Row row = sourceRows.take();
          if (!sameValues(row, targetRows.take())) {
            pending.add(Change.update(null, row));
          }
          consumed = row.key();
        }
      }
    }
  }

  /** A store's rows of a range, read in pages by key as they are consumed. */
  private final class RangeCursor {
    private final SourceStore store;
    private final TableSchema schema;
    private final KeyRange range;
    private final int page;
    private final String side;
    private List<Row> rows = List.of();
    private int next;
    private @Nullable RowKey last;
    private boolean exhausted;

    RangeCursor(SourceStore store, TableSchema schema, KeyRange range, int page, String side) {
      this.store = store;
      this.schema = schema;
      this.range = range;
      this.page = page;
      this.side = side;
      this.last = range.after();
    }

    @Nullable Row peek() {
      if (next == rows.size() && !exhausted) {
        exhausted = reached(last, range.upTo());
        rows = exhausted ? List.of() : store.read(schema, new KeyRange(last, range.upTo()), page);
        next = 0;
        exhausted |= rows.size() < page;
      }
      return next < rows.size() ? rows.get(next) : null;
    }

    Row take() {
      Row row = Objects.requireNonNull(peek(), "row");
      if (!range.contains(row.key())) {
        throw new TableSyncException("the " + side + " store returned key " + row.key() + " of table " + id
            + " outside the range " + range + " it was asked for", id, null);
      }
      last = checked(row, side, last);
      next++;
      return row;
    }
  }

  /** Walks a list of segments in order. */
  private final class Frame implements Work {
    private final List<Pair> pairs;
    private int next;

    Frame(List<Pair> pairs) {
      this.pairs = pairs;
    }

    @Override
    public void step() {
      Pair pair = pairs.get(next++);
      if (next < pairs.size()) {
        work.push(this);
      }
      visit(pair);
    }
  }

  /** Splits a range at one side and pairs each part with the other side's checksum of it. */
  private List<Pair> pairs(KeyRange range, boolean bySource, int rowsPerSegment) {
    List<Segment> split = bySource
        ? sides.sourceSums().split(table, sides.context().sourceColumns(), range, rowsPerSegment)
        : sides.targetSums().split(targetTable, sides.targetColumns(), range, rowsPerSegment);
    covering(range, split, bySource ? source : target);
    List<KeyRange> ranges = split.stream().map(Segment::range).toList();
    List<Segment> other = bySource
        ? sides.targetSums().checksums(targetTable, sides.targetColumns(), ranges)
        : sides.sourceSums().checksums(table, sides.context().sourceColumns(), ranges);
    if (other.size() != ranges.size()) {
      throw new TableSyncException("the " + (bySource ? "target" : "source") + " store gave " + other.size()
          + " checksums of table " + id + " for " + ranges.size() + " ranges", id, null);
    }
    List<Pair> pairs = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      Segment mine = split.get(i);
      Segment theirs = other.get(i);
      pairs.add(bySource ? new Pair(ranges.get(i), mine, theirs) : new Pair(ranges.get(i), theirs, mine));
    }
    return pairs;
  }

  private List<Segment> covering(KeyRange range, List<Segment> split, SourceStore store) {
    RowKey expected = range.after();
    boolean gapless = !split.isEmpty();
    for (Segment segment : split) {
      gapless &= Objects.equals(segment.range().after(), expected);
      expected = segment.range().upTo();
    }
    if (!gapless || !Objects.equals(expected, range.upTo())) {
      throw new TableSyncException("the store " + store.name() + " split the range " + range + " of table " + id
          + " into segments that do not cover it without gaps", id, null);
    }
    return split;
  }

  private boolean sameValues(Row sourceRow, Row targetRow) {
    for (int i = 0; i < sourcePositions.length; i++) {
      if (!CanonicalValues.equal(sourceRow.get(sourcePositions[i]), targetRow.get(i))) {
        return false;
      }
    }
    return true;
  }

  private RowKey checked(Row row, String side, @Nullable RowKey previous) {
    RowKey key = row.key();
    KeyOrder.requireAscending(id, side, previous, key);
    return key;
  }

  private static boolean reached(@Nullable RowKey last, @Nullable RowKey upTo) {
    return last != null && upTo != null && last.compareTo(upTo) >= 0;
  }

  /** Everything up to the end of the range is done. */
  /**
   * Compares one range as a whole, each store summing its side at the same time: an unchanged table
   * then costs one pass of each database, run in parallel, instead of a split (which numbers the rows
   * of the source before the target can start).
   */
  private boolean sameOnBothSides(KeyRange range) {
    CompletableFuture<Segment> targetSide = CompletableFuture.supplyAsync(
        () -> sides.targetSums().checksums(targetTable, sides.targetColumns(), List.of(range)).get(0), WHOLE_RANGE);
    Segment sourceSide;
    try {
      sourceSide = sides.sourceSums().checksums(table, sides.context().sourceColumns(), List.of(range)).get(0);
    } finally {
      awaitQuietly(targetSide);
    }
    return sourceSide.sameAs(targetSide.join());
  }

  private static void awaitQuietly(CompletableFuture<Segment> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void complete(KeyRange range) {
    if (range.upTo() == null) {
      doneAll = true;
    } else {
      doneUpTo = range.upTo();
    }
  }

  private void flushPending() {
    if (!pending.isEmpty()) {
      emit(List.copyOf(pending), null);
      pending.clear();
    }
  }

  private void emit(List<Change> changes, @Nullable KeyRange snapshot) {
    Checkpoint checkpoint = doneAll || doneUpTo == null
        ? Checkpoint.initial(id, HashDiffDetector.NAME)
        : new Checkpoint(id, HashDiffDetector.NAME, KeyCodec.encode(doneUpTo));
    ready.add(new ChangeBatch(id, sequence++, changes, snapshot, checkpoint));
    lastInitial = checkpoint.isInitial();
  }

  /** Every key is compared: the last batch carries the initial checkpoint so that the next run starts over. */
  private void finish() {
    ended = true;
    doneAll = true;
    if (!pending.isEmpty()) {
      flushPending();
    } else if ((sequence > 0 || resumed) && !lastInitial) {
      emit(List.of(), null);
    }
  }
}
