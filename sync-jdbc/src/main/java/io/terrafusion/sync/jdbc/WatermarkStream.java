package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.internal.DatabaseClock;
import io.terrafusion.sync.jdbc.internal.WatermarkPosition;
import io.terrafusion.sync.jdbc.internal.WatermarkQuery;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/** One run of the {@link WatermarkDetector}: the cursor up to the horizon, then a due reconciliation. */
final class WatermarkStream implements ChangeStream {
  private enum Phase { START, CURSOR, RECONCILE, DONE }

  /** A re-labelled reconciler batch and the original, to acknowledge it to the reconciler. */
  private record Relabelled(ChangeBatch batch, ChangeBatch original) {}

  private final JdbcStore store;
  private final DetectionContext context;
  private final TableId table;
  private final WatermarkQuery query;
  private final Duration lag;
  private final @Nullable ChangeDetector reconciler;
  private final Duration reconcileEvery;
  // next() may run on the engine's read-ahead thread while committed() runs on the consumer's.
  private final Deque<Relabelled> relabelled = new ConcurrentLinkedDeque<>();
  private WatermarkPosition position;
  private Phase phase = Phase.START;
  private @Nullable Object bound;
  private boolean exhausted;
  private boolean unsaved;
  private boolean reconcileDue;
  private @Nullable Instant began;
  private @Nullable ChangeStream inner;
  private @Nullable ChangeBatch ready;
  private long sequence;

  WatermarkStream(JdbcStore store, DetectionContext context, WatermarkQuery query, WatermarkPosition position,
      Duration lag, @Nullable ChangeDetector reconciler, Duration reconcileEvery) {
    this.store = store;
    this.context = context;
    this.table = context.table().id();
    this.query = query;
    this.position = position;
    this.lag = lag;
    this.reconciler = reconciler;
    this.reconcileEvery = reconcileEvery;
  }

  @Override
  public boolean hasNext() {
    while (ready == null && phase != Phase.DONE) {
      ready = advance();
    }
    return ready != null;
  }

  @Override
  public ChangeBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the watermark run over " + table + " has ended");
    }
    ChangeBatch batch = ready;
    ready = null;
    return batch;
  }

  @Override
  public void committed(ChangeBatch batch) {
    ChangeStream reconciling = inner;
    for (Relabelled r = relabelled.peekFirst(); r != null && reconciling != null; r = relabelled.peekFirst()) {
      relabelled.pollFirst();
      if (r.batch() == batch) {
        reconciling.committed(r.original());
        return;
      }
    }
  }

  @Override
  public void close() {
    phase = Phase.DONE;
    ready = null;
    if (inner != null) {
      inner.close();
    }
  }

  /** One step of the run: a batch, or null when the step only moved to another phase. */
  private @Nullable ChangeBatch advance() {
    return switch (phase) {
      case START -> {
        begin();
        phase = Phase.CURSOR;
        yield null;
      }
      case CURSOR -> readPage();
      case RECONCILE -> reconcileStep();
      case DONE -> null;
    };
  }

  private void begin() {
    DatabaseClock clock = store.withHandle("read the clock for", table, handle -> {
      Object max = query.kind() == WatermarkQuery.Kind.VERSION ? query.max(handle) : null;
      DatabaseClock read = DatabaseClock.read(handle, store.dialect());
      if (query.kind() == WatermarkQuery.Kind.VERSION) {
        observeVersions(max, read);
      }
      return read;
    });
    began = clock.now();
    bound = switch (query.kind()) {
      case MOMENT -> clock.settledMoment().minus(lag);
      case WALL_TIME -> clock.settledWallTime().minus(lag);
      case VERSION -> position.safeVersion();
    };
    exhausted = bound == null;
    Instant last = position.reconciledAt();
    reconcileDue = reconciler != null && (position.reconciling() != null || last == null
        || !last.plus(reconcileEvery).isAfter(clock.now()));
  }

  /**
   * Promotes the pending observation, or failing that this run's, to the safe version when it is
   * safe; keeps the oldest observation that is not. An observation at {@code T} is safe once {@code T}
   * is at least the lag old and every transaction open now began after {@code T}.
   */
  private void observeVersions(@Nullable Object max, DatabaseClock clock) {
    Object safe = position.safeVersion();
    Object pending = position.pendingVersion();
    Instant pendingAt = position.pendingAt();
    Instant settledBefore = clock.now().minus(lag);
    if (pending != null && pendingAt != null && isSafe(pendingAt, settledBefore, clock)) {
      safe = higher(safe, pending);
      pending = null;
      pendingAt = null;
    }
    if (max != null && !max.equals(safe)) {
      if (isSafe(clock.now(), settledBefore, clock)) {
        safe = higher(safe, max);
      } else if (pending == null) {
        pending = max;
        pendingAt = clock.now();
      }
    }
    WatermarkPosition observed = position.withVersions(safe, pending, pendingAt);
    unsaved = !observed.equals(position);
    position = observed;
  }

  private static boolean isSafe(Instant observedAt, Instant settledBefore, DatabaseClock clock) {
    Instant oldest = clock.oldestOpen();
    return !observedAt.isAfter(settledBefore) && (oldest == null || observedAt.isBefore(oldest));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object higher(@Nullable Object a, Object b) {
    return a == null || ((Comparable) b).compareTo(a) > 0 ? b : a;
  }

  private @Nullable ChangeBatch readPage() {
    if (!exhausted && bound != null) {
      Object limit = bound;
      Object value = position.cursorValue();
      int size = context.batchSize();
      List<Row> page = store.withHandle("read changes of", table,
          handle -> query.page(handle, value, position.cursorKey(), limit, size));
      exhausted = page.size() < size;
      if (!page.isEmpty()) {
        Row last = page.get(page.size() - 1);
        Object lastValue = query.changeValue(last);
        if (lastValue == null) {
          throw new IllegalStateException("table " + table + " returned a row " + last.key() + " without a change value");
        }
        position = position.withCursor(lastValue, last.key());
        List<Change> changes = new ArrayList<>(page.size());
        page.stream().sorted(Comparator.comparing(Row::key)).forEach(row -> changes.add(Change.upsert(row)));
        return batch(changes);
      }
    }
    phase = reconcileDue ? Phase.RECONCILE : Phase.DONE;
    return phase == Phase.DONE && unsaved ? batch(List.of()) : null;
  }

  private @Nullable ChangeBatch reconcileStep() {
    ChangeStream stream = inner;
    if (stream == null) {
      String resume = position.reconciling() == null ? "" : position.reconciling();
      ChangeDetector detector = reconciler;
      stream = detector.open(new DetectionContext(context.table(), context.source(),
          new Checkpoint(table, detector.name(), resume), context.batchSize(), context.target(), context.targetTable(),
          context.sourceColumns()));
      inner = stream;
    }
    if (!stream.hasNext()) {
      phase = Phase.DONE;
      position = position.reconciled(began);
      return batch(List.of());
    }
    ChangeBatch original = stream.next();
    if (stream.hasNext()) {
      position = position.reconcilingAt(original.checkpoint().position());
    } else {
      phase = Phase.DONE;
      position = position.reconciled(began);
    }
    ChangeBatch batch = new ChangeBatch(table, sequence++, original.changes(), original.snapshotRange(), checkpoint());
    relabelled.addLast(new Relabelled(batch, original));
    return batch;
  }

  private ChangeBatch batch(List<Change> changes) {
    unsaved = false;
    return new ChangeBatch(table, sequence++, changes, null, checkpoint());
  }

  private Checkpoint checkpoint() {
    return new Checkpoint(table, WatermarkDetector.NAME, position.encode());
  }
}
