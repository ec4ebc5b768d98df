package io.terrafusion.sync.bench;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.jdbc.Changelog;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.jdbc.WatermarkDetector;
import io.terrafusion.sync.spi.ChangeDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * The incremental cases. After a first sync, 1% of the rows are updated (every hundredth key, so
 * that changes are spread over the whole table, the hardest case for hash-diff) and 0.1% deleted;
 * each detector then brings the copy of the unchanged table up to date, timed against a full re-sync
 * that reads and compares every row (the full-scan detector) of the same changes. The watermark runs
 * twice: as in production, where its hourly delete reconciliation is not due (so it takes the updates
 * only), and with the reconciliation in the timed run. Then hash-diff of
 * identical tables, timed against each database's plainest whole-table aggregate run on both sides at
 * once, with the bytes that crossed the loopback interface (both servers run on this machine).
 */
final class IncrementalBench {
  private static final TableId PARCELS = TableId.of("parcels");
  private static final String UPDATED = "id % 100 = 7";
  private static final String DELETED = "id % 1000 = 3";

  private IncrementalBench() {}

  /**
   * PostgreSQL to PostgreSQL: the three detectors and the full re-sync, each on its own copy of the
   * table as it was before the changes.
   */
  static void postgres(long rows, int batchSize, Bench.Opener opener) throws SQLException {
    DataSource source = opener.open("bench_pg_inc_source");
    BenchTable.POSTGRESQL.createFilled(source, rows);
    DataSource hashTarget = copy(opener, source, "bench_pg_inc_hash");
    DataSource watermarkTarget = copy(opener, source, "bench_pg_inc_watermark");
    DataSource reconcilingTarget = copy(opener, source, "bench_pg_inc_watermark_reconciling");
    DataSource changelogTarget = copy(opener, source, "bench_pg_inc_changelog");
    DataSource resyncTarget = copy(opener, source, "bench_pg_inc_resync");

    // As run in production: the cursor every run, deletes found by an hourly reconciliation (done by
    // the first run, so not in the timed one); and the same with the reconciliation in every run.
    WatermarkDetector watermark = WatermarkDetector.builder().changeColumn("updated_at").lag(Duration.ZERO)
        .reconciler(HashDiffDetector.create(), Duration.ofHours(1)).build();
    WatermarkDetector reconciling = WatermarkDetector.builder().changeColumn("updated_at").lag(Duration.ZERO)
        .reconciler(HashDiffDetector.create(), Duration.ZERO).build();
    InMemoryStateStore watermarkState = new InMemoryStateStore();
    InMemoryStateStore reconcilingState = new InMemoryStateStore();
    // The watermark's first run takes every row once and sets its cursor; the changes come after it.
    incremental(source, watermarkTarget, watermark, watermarkState, batchSize, 0);
    incremental(source, reconcilingTarget, reconciling, reconcilingState, batchSize, 0);
    Changelog.install(JdbcStore.of(source), PARCELS);
    long updates = update(source);
    long changes = updates + delete(source);

    Bench.Result resync = Bench.measure("pg-pg-incremental-full-rescan-baseline", rows,
        () -> incremental(source, resyncTarget, FullScanDetector.create(), new InMemoryStateStore(), batchSize, changes));
    Bench.printTime(resync, resync, -1);
    long before = loopbackBytes();
    Bench.Result hash = Bench.measure("pg-pg-incremental-hashdiff", rows,
        () -> incremental(source, hashTarget, HashDiffDetector.create(), new InMemoryStateStore(), batchSize, changes));
    Bench.printTime(hash, resync, loopbackBytes() - before);
    before = loopbackBytes();
    Bench.Result mark = Bench.measure("pg-pg-incremental-watermark-updates-only", rows,
        () -> incremental(source, watermarkTarget, watermark, watermarkState, batchSize, updates));
    Bench.printTime(mark, resync, loopbackBytes() - before);
    before = loopbackBytes();
    Bench.Result marked = Bench.measure("pg-pg-incremental-watermark-reconciling", rows,
        () -> incremental(source, reconcilingTarget, reconciling, reconcilingState, batchSize, changes));
    Bench.printTime(marked, resync, loopbackBytes() - before);
    before = loopbackBytes();
    Bench.Result log = Bench.measure("pg-pg-incremental-changelog", rows,
        () -> incremental(source, changelogTarget, ChangelogDetector.create(), new InMemoryStateStore(), batchSize,
            changes));
    Bench.printTime(log, resync, loopbackBytes() - before);

    identical("pg-pg", rows, batchSize, source, hashTarget, IncrementalBench::postgresAggregate,
        IncrementalBench::postgresAggregate);
  }

  /** Hash-diff of two identical tables against the aggregates of both databases run at once. */
  static void identical(String pair, long rows, int batchSize, DataSource source, DataSource target,
      Bench.Task sourceAggregate, Bench.Task targetAggregate) {
    Bench.Result aggregates = Bench.measure(pair + "-whole-table-aggregates-baseline", rows, () -> {
      CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
        try {
          targetAggregate.run(target);
        } catch (SQLException e) {
          throw new CompletionException(e);
        }
      });
      sourceAggregate.run(source);
      other.join();
    });
    Bench.printTime(aggregates, aggregates, -1);
    long before = loopbackBytes();
    Bench.Result hash = Bench.measure(pair + "-hashdiff-identical", rows,
        () -> incremental(source, target, HashDiffDetector.create(), new InMemoryStateStore(), batchSize, 0));
    Bench.printTime(hash, aggregates, loopbackBytes() - before);
  }

  /** PostgreSQL's plainest whole-table aggregate over all columns. */
  static void postgresAggregate(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.executeQuery("SELECT sum(hashtext(t::text)) FROM parcels t").close();
    }
  }

  /** MariaDB's plainest whole-table aggregate over all columns. */
  static void mariaDbAggregate(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.executeQuery("SELECT BIT_XOR(CRC32(CONCAT_WS('|', id, parcel_no, owner_name, situs, land_use, land_value,"
          + " improvement_value, acres, active, updated_at, attributes, notes))) FROM parcels").close();
    }
  }

  private static DataSource copy(Bench.Opener opener, DataSource source, String name) throws SQLException {
    DataSource target = opener.open(name);
    BenchTable.POSTGRESQL.create(target);
    Baselines.postgresCopy(source, target);
    return target;
  }

  /** Updates every hundredth row; returns how many. */
  private static long update(DataSource source) throws SQLException {
    try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
      return st.executeUpdate("UPDATE parcels SET notes = 'changed', updated_at = LOCALTIMESTAMP WHERE " + UPDATED);
    }
  }

  /** Deletes every thousandth row; returns how many. */
  private static long delete(DataSource source) throws SQLException {
    try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
      return st.executeUpdate("DELETE FROM parcels WHERE " + DELETED);
    }
  }

  private static void incremental(DataSource source, DataSource target, ChangeDetector detector,
      InMemoryStateStore state, int batchSize, long expectedChanges) throws SQLException {
    ReusingDataSource pooledSource = new ReusingDataSource(source);
    ReusingDataSource pooledTarget = new ReusingDataSource(target);
    try (SyncEngine engine = SyncEngine.builder().source(JdbcStore.of(pooledSource)).target(JdbcStore.of(pooledTarget))
        .stateStore(state).batchSize(batchSize).incrementalDetector(detector).build()) {
      SyncReport report = engine.run(SyncRequest.incremental(PARCELS));
      if (expectedChanges >= 0 && report.changed() != expectedChanges) {
        throw new IllegalStateException(detector.name() + ": expected " + expectedChanges
            + " changed rows but the sync reported " + report.changed());
      }
    } finally {
      pooledSource.closeAll();
      pooledTarget.closeAll();
    }
  }

  /** Bytes received and sent on the loopback interface, or -1 where /proc/net/dev cannot tell. */
  private static long loopbackBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
        String trimmed = line.trim();
        if (trimmed.startsWith("lo:")) {
          List<String> fields = List.of(trimmed.substring(3).trim().split("\\s+"));
          return Long.parseLong(fields.get(0)) + Long.parseLong(fields.get(8));
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
