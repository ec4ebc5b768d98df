package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.internal.WatermarkPosition;
import io.terrafusion.sync.jdbc.internal.WatermarkQuery;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The watermark detector, named {@value #NAME}: reads the rows of a {@link JdbcStore} table whose
 * change column (such as {@code updated_at} or {@code version}) moved past a cursor, and yields them
 * as plain batches of upserts.
 *
 * <p><b>Cursor.</b> Rows are read in {@code (change column, key)} order, compared as a tuple, so that
 * rows sharing a change column value are never split between two runs: a run stopped after the first
 * of two rows with the same timestamp resumes at the second. Each batch holds up to the batch size
 * of rows, sorted by key as {@link io.terrafusion.sync.api.ChangeBatch} requires; its checkpoint is
 * the cursor of its last row in cursor order, saved by the engine only once the batch is applied.
 * Rows whose change column is NULL are never read by the cursor (a reconciliation brings them).
 *
 * <p><b>Horizon.</b> A run never reads past what a transaction still open could commit below it,
 * measured on the database's clock, never the application's. At the start of each run it reads the
 * database's clock and the start of its oldest open transaction of another session ({@link
 * io.terrafusion.sync.jdbc.spi.Dialect#clockQuery()}: PostgreSQL {@code pg_stat_activity}, MariaDB
 * {@code information_schema.innodb_trx}, H2 {@code INFORMATION_SCHEMA.SESSIONS}; SQLite has only the
 * lag):
 *
 * <ul>
 *   <li>a {@code TIMESTAMP WITH TIME ZONE} column (or MariaDB {@code TIMESTAMP}) is read strictly
 *       below {@code min(now, oldest open transaction start) - lag}, as moments, so the session's
 *       time zone does not matter;
 *   <li>a {@code TIMESTAMP} column without time zone (MariaDB {@code DATETIME}) holds wall times, taken
 *       to be those of the source session's time zone: it is read strictly below the same bound as
 *       wall time of that zone. Writers must use the zone the detector's connections use;
 *   <li>an integer version column (assigned from a sequence or counter that only grows) is read up to
 *       the largest version known safe. Each run observes the column's maximum {@code V} at a moment
 *       {@code T} of the database clock; the observation becomes safe once {@code T} lies at least the
 *       lag in the past and before the start of every transaction then open, since a transaction that
 *       started after {@code T} draws versions above {@code V}. An observation not yet safe is kept in
 *       the checkpoint and tried again by the next run, so with a lag a new version is read one run
 *       later.
 * </ul>
 *
 * Rows committed below the horizon after a run are read by the next one, which starts from the saved
 * cursor. The lag covers what the database cannot see: timestamps assigned by applications before
 * their transaction began, and clock steps.
 *
 * <p><b>Deletes.</b> A change column cannot show deleted rows. With {@link Builder#reconciler}, once the
 * cursor is exhausted and the last reconciliation began at least {@code reconcileEvery} ago on the
 * database clock (or none ever completed), the run goes on with the batches of the reconciler (the
 * engine's hash-diff detector, or a full scan), each re-labelled with this detector's checkpoint so
 * that deletes pass through the normal pipeline and are audited as deletes. An interrupted
 * reconciliation resumes from the reconciler's own position, kept in the checkpoint.
 *
 * <p><b>Cost.</b> Each batch is one keyset query ordered by {@code (change column, key)}; an index on
 * those columns serves it. String keys compare byte-wise through the dialect's key expression, and a
 * MariaDB {@code TIMESTAMP} change column through {@code UNIX_TIMESTAMP}, which no index serves (a
 * {@code DATETIME} column does not have this cost). A MariaDB zero {@code TIMESTAMP} reads as NULL and
 * fails the run, naming the row.
 *
 * <p>This class is immutable and thread-safe; each {@link #open} is an independent run whose stream is
 * used by one thread at a time and holds one batch of rows.
 */
public final class WatermarkDetector implements ChangeDetector {
  /** The detector's name, stored with its checkpoints. */
  public static final String NAME = "watermark";

  /** The default safety lag. */
  public static final Duration DEFAULT_LAG = Duration.ofSeconds(5);

  private final @Nullable String defaultColumn;
  private final Map<TableId, String> columns;
  private final Duration lag;
  private final @Nullable ChangeDetector reconciler;
  private final Duration reconcileEvery;

  private WatermarkDetector(Builder builder) {
    this.defaultColumn = builder.defaultColumn;
    this.columns = Map.copyOf(builder.columns);
    this.lag = builder.lag;
    this.reconciler = builder.reconciler;
    this.reconcileEvery = builder.reconcileEvery;
  }

  /** A builder of a watermark detector. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /** The change column of a table: its override, else the default; empty when neither is set. */
  public Optional<String> changeColumn(TableId table) {
    Objects.requireNonNull(table, "table");
    return Optional.ofNullable(columns.getOrDefault(table, defaultColumn));
  }

  /** The safety lag. */
  public Duration lag() {
    return lag;
  }

  /**
   * Starts a run after the context's checkpoint. Nothing is read before the first {@code hasNext()}.
   *
   * @throws IllegalArgumentException if the source is not a {@link JdbcStore} or its dialect has no
   *     {@linkplain io.terrafusion.sync.jdbc.spi.Dialect#clockQuery() clock query}, the checkpoint was
   *     not written by this detector or cannot be read, no change column is configured for the
   *     table, or the table lacks it or has it with a type that is neither a timestamp nor an
   *     integer; the message names the store, table and column
   */
  @Override
  public ChangeStream open(DetectionContext context) {
    Objects.requireNonNull(context, "context");
    TableSchema table = context.table();
    if (!(context.source() instanceof JdbcStore store)) {
      throw new IllegalArgumentException("the " + NAME + " detector reads JDBC stores only, but the source of table "
          + table.id() + " is " + context.source().name() + " (" + context.source().getClass().getName() + ")");
    }
    if (store.dialect().clockQuery().isEmpty()) {
      throw new IllegalArgumentException("the " + NAME + " detector needs the database clock, which the "
          + store.dialect().name() + " dialect of " + store.name() + " does not read (Dialect.clockQuery)");
    }
    Checkpoint checkpoint = context.checkpoint().requireDetector(NAME);
    String column = changeColumn(table.id()).orElseThrow(() -> new IllegalArgumentException(
        "no change column is configured for table " + table.id() + " in the " + NAME + " detector"));
    WatermarkQuery query = WatermarkQuery.of(table, store.sqlName(table.id()), column, store.dialect(),
        store.access(table));
    WatermarkPosition position;
    try {
      position = WatermarkPosition.decode(checkpoint.position());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read the " + NAME + " checkpoint of table " + table.id() + ": "
          + e.getMessage(), e);
    }
    return new WatermarkStream(store, context, query, position, lag, reconciler, reconcileEvery);
  }

  @Override
  public String toString() {
    return "WatermarkDetector[column=" + defaultColumn + ", overrides=" + columns + ", lag=" + lag
        + (reconciler == null ? "" : ", reconciler=" + reconciler.name() + " every " + reconcileEvery) + "]";
  }

  /**
   * Collects the options of a {@link WatermarkDetector}. Each setter checks its argument; {@link
   * #build()} reports every problem at once.
   *
   * <p>A builder is not thread-safe; the detector it builds is.
   */
  public static final class Builder {
    private final List<String> problems = new ArrayList<>();
    private final Map<TableId, String> columns = new HashMap<>();
    private @Nullable String defaultColumn;
    private Duration lag = DEFAULT_LAG;
    private @Nullable ChangeDetector reconciler;
    private Duration reconcileEvery = Duration.ZERO;

    private Builder() {}

    /** The change column of every table without an override, named exactly as the database reports it. */
    public Builder changeColumn(String column) {
      Objects.requireNonNull(column, "column");
      if (column.isBlank()) {
        problems.add("changeColumn must not be blank");
      }
      this.defaultColumn = column;
      return this;
    }

    /** The change column of one table, overriding the default. */
    public Builder changeColumn(TableId table, String column) {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      if (column.isBlank()) {
        problems.add("the changeColumn of table " + table + " must not be blank");
      }
      columns.put(table, column);
      return this;
    }

    /**
     * How far behind the database's clock a run stays, on top of the oldest open transaction.
     * Default {@link #DEFAULT_LAG}; zero is allowed.
     */
    public Builder lag(Duration lag) {
      Objects.requireNonNull(lag, "lag");
      if (lag.isNegative()) {
        problems.add("lag must be >= 0 but was " + lag);
      }
      this.lag = lag;
      return this;
    }

    /**
     * Finds deletes with another detector, run after the cursor at most once per {@code every}
     * (zero: in every run), such as the hash-diff detector or {@code FullScanDetector}. Default: none,
     * and deletes at the source are never seen.
     */
    public Builder reconciler(ChangeDetector detector, Duration every) {
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(every, "every");
      if (every.isNegative()) {
        problems.add("reconcileEvery must be >= 0 but was " + every);
      }
      if (NAME.equals(detector.name())) {
        problems.add("the reconciler must be another detector than " + NAME);
      }
      this.reconciler = detector;
      this.reconcileEvery = every;
      return this;
    }

    /**
     * Builds the detector.
     *
     * @throws InvalidConfigurationException listing every problem, including no change column at all
     */
    public WatermarkDetector build() {
      List<String> all = new ArrayList<>(problems);
      if (defaultColumn == null && columns.isEmpty()) {
        all.add("changeColumn must be set, for every table or for some tables");
      }
      if (!all.isEmpty()) {
        throw new InvalidConfigurationException("WatermarkDetector", all);
      }
      return new WatermarkDetector(this);
    }
  }
}
