package io.terrafusion.sync.bench;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The benchmark harness: generates a 12-column parcels table and measures full syncs against the
 * databases' own bulk paths measured in the same run, printing one line per case:
 *
 * <pre>BENCH case=NAME rows=N seconds=S rows_per_s=X ratio=R peak_heap_mb=M</pre>
 *
 * <p>{@code ratio} is the case's rows per second over the baseline of its target (or, for the
 * lines that end with {@code ratio_is=time_over_BASELINE}, the case's time over that baseline's; see
 * {@link IncrementalBench}): for a PostgreSQL
 * target, {@code COPY ... TO STDOUT} piped into {@code COPY ... FROM STDIN}; for a MariaDB target,
 * the same PostgreSQL {@code COPY ... TO STDOUT} piped into {@code LOAD DATA LOCAL INFILE}; for H2,
 * a streamed JDBC copy. Cases whose server is unreachable are skipped with a line that says why.
 * Run it with {@code -Xmx256m} to check that memory does not grow with the table. Usage: {@code
 * Bench [--rows N] [--batch-size N]} (defaults 1,000,000 rows, batches of 5,000).
 */
public final class Bench {
  private static int batchSize;

  private Bench() {}

  /** Runs every case; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    long rows = option(args, "--rows", 1_000_000);
    batchSize = (int) option(args, "--batch-size", 5_000);
    h2Cases(rows);
    Optional<String> pg = ServerDatabase.unavailable(Kind.POSTGRESQL);
    Optional<String> maria = ServerDatabase.unavailable(Kind.MARIADB);
    if (pg.isPresent()) {
      System.out.println("BENCH skipped PostgreSQL cases: " + pg.get());
      return;
    }
    serverCases(rows, maria);
  }

  private static void h2Cases(long rows) throws SQLException {
    Path dir;
    try {
      dir = Files.createTempDirectory("tfsync-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      DataSource source = h2(dir, "source");
      DataSource baselineTarget = h2(dir, "baseline");
      DataSource target = h2(dir, "target");
      BenchTable.H2.createFilled(source, rows);
      BenchTable.H2.create(baselineTarget);
      BenchTable.H2.create(target);
      Result baseline = measure("h2-h2-jdbc-copy-baseline", rows, () -> Baselines.jdbcCopy(source, baselineTarget));
      print(baseline, baseline);
      print(sync("h2-h2-full-empty-target", rows, source, target, rows), baseline);
      print(sync("h2-h2-full-unchanged-target", rows, source, target, 0), baseline);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void serverCases(long rows, Optional<String> mariaUnavailable) throws SQLException {
    List<ServerDatabase> opened = new ArrayList<>();
    try {
      DataSource pgSource = open(opened, Kind.POSTGRESQL, "bench_pg_source");
      DataSource pgBaseline = open(opened, Kind.POSTGRESQL, "bench_pg_baseline");
      DataSource pgTarget = open(opened, Kind.POSTGRESQL, "bench_pg_target");
      BenchTable.POSTGRESQL.createFilled(pgSource, rows);
      BenchTable.POSTGRESQL.create(pgBaseline);
      BenchTable.POSTGRESQL.create(pgTarget);
      Result pgCopy = measure("pg-pg-copy-baseline", rows, () -> Baselines.postgresCopy(pgSource, pgBaseline));
      print(pgCopy, pgCopy);
      Result initial = sync("pg-pg-full-empty-target", rows, pgSource, pgTarget, rows);
      print(initial, pgCopy);
      AuditBench.postgres(rows, batchSize, initial, name -> open(opened, Kind.POSTGRESQL, name));
      Result unchanged = sync("pg-pg-full-unchanged-target", rows, pgSource, pgTarget, 0);
      print(unchanged, pgCopy);
      printTime(new Result("pg-pg-full-unchanged-vs-initial", rows, unchanged.seconds(), unchanged.peakHeapBytes()),
          initial, -1);
      IncrementalBench.postgres(rows, batchSize, name -> open(opened, Kind.POSTGRESQL, name));
      if (mariaUnavailable.isPresent()) {
        System.out.println("BENCH skipped MariaDB cases: " + mariaUnavailable.get());
        return;
      }
      DataSource mariaSource = open(opened, Kind.MARIADB, "bench_maria_source");
      DataSource mariaBaseline = open(opened, Kind.MARIADB, "bench_maria_baseline");
      DataSource mariaTarget = open(opened, Kind.MARIADB, "bench_maria_target");
      DataSource pgFromMaria = open(opened, Kind.POSTGRESQL, "bench_pg_from_maria");
      BenchTable.MARIADB.createFilled(mariaSource, rows);
      BenchTable.MARIADB.create(mariaBaseline);
      BenchTable.MARIADB.create(mariaTarget);
      BenchTable.POSTGRESQL.create(pgFromMaria);
      print(sync("mariadb-pg-full-empty-target", rows, mariaSource, pgFromMaria, rows), pgCopy);
      IncrementalBench.identical("mariadb-pg", rows, batchSize, mariaSource, pgFromMaria,
          IncrementalBench::mariaDbAggregate, IncrementalBench::postgresAggregate);
      Result loadData = measure("pg-mariadb-load-data-baseline", rows,
          () -> Baselines.postgresToMariaDb(pgSource, mariaBaseline));
      print(loadData, loadData);
      print(sync("pg-mariadb-full-empty-target", rows, pgSource, mariaTarget, rows), loadData);
    } finally {
      opened.forEach(ServerDatabase::close);
    }
  }

  private static DataSource open(List<ServerDatabase> opened, Kind kind, String name) {
    ServerDatabase db = ServerDatabase.create(kind, name);
    opened.add(db);
    return db.dataSource();
  }

  /** A full sync over connections that are kept for reuse, as an application's pool would. */
  private static Result sync(String name, long rows, DataSource source, DataSource target, long expectedChanges)
      throws SQLException {
    ReusingDataSource pooledSource = new ReusingDataSource(source);
    ReusingDataSource pooledTarget = new ReusingDataSource(target);
    try (SyncEngine engine = SyncEngine.builder()
        .source(JdbcStore.of(pooledSource))
        .target(JdbcStore.of(pooledTarget))
        .batchSize(batchSize)
        .build()) {
      return measure(name, rows, () -> check(engine.run(SyncRequest.full()), expectedChanges));
    } finally {
      pooledSource.closeAll();
      pooledTarget.closeAll();
    }
  }

  /** Opens a database of its own for a case, dropped when the run ends. */
  @FunctionalInterface
  interface Opener {
    DataSource open(String name) throws SQLException;
  }

  /** Something a case does against one database. */
  @FunctionalInterface
  interface Task {
    void run(DataSource db) throws SQLException;
  }

  @FunctionalInterface
  interface Body {
    void run() throws SQLException;
  }

  record Result(String name, long rows, double seconds, long peakHeapBytes) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  static Result measure(String name, long rows, Body body) {
    System.gc();
    HeapSampler sampler = HeapSampler.start();
    long start = System.nanoTime();
    long peak;
    try {
      body.run();
    } catch (SQLException e) {
      throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
    } finally {
      peak = sampler.stop();
    }
    return new Result(name, rows, (System.nanoTime() - start) / 1e9, peak);
  }

  private static void print(Result r, Result baseline) {
    System.out.printf(Locale.ROOT, "BENCH case=%s rows=%d seconds=%.3f rows_per_s=%.0f ratio=%.2f peak_heap_mb=%d%n",
        r.name(), r.rows(), r.seconds(), r.rowsPerSecond(), r.rowsPerSecond() / baseline.rowsPerSecond(),
        r.peakHeapBytes() / (1024 * 1024));
  }

  /**
   * Prints a case timed against a baseline: {@code ratio} is the case's time over the baseline's
   * (lower is better), and {@code bytes} the loopback traffic of the case when it was measured.
   */
  static void printTime(Result r, Result baseline, long bytes) {
    System.out.printf(Locale.ROOT, "BENCH case=%s rows=%d seconds=%.3f rows_per_s=%.0f ratio=%.3f peak_heap_mb=%d"
        + " ratio_is=time_over_%s%s%n", r.name(), r.rows(), r.seconds(), r.rowsPerSecond(),
        r.seconds() / baseline.seconds(), r.peakHeapBytes() / (1024 * 1024), baseline.name(),
        bytes < 0 ? "" : " bytes=" + bytes);
  }

  private static void check(SyncReport report, long expectedChanges) {
    if (report.changed() != expectedChanges) {
      throw new IllegalStateException("expected " + expectedChanges + " changed rows but the sync reported "
          + report.changed());
    }
  }

  private static DataSource h2(Path dir, String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE");
    return ds;
  }

  /** The value of {@code --name N}, or the default; exits 2 with the usage on anything else. */
  private static long option(String[] args, String name, long fallback) {
    if (args.length % 2 != 0) {
      usage();
    }
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].equals("--rows") && !args[i].equals("--batch-size") || !args[i + 1].matches("[1-9][0-9]{0,8}")) {
        usage();
      }
      if (args[i].equals(name)) {
        return Long.parseLong(args[i + 1]);
      }
    }
    return fallback;
  }

  private static void usage() {
    System.err.println("usage: Bench [--rows N] [--batch-size N] where each N is a whole number from 1 to 999999999");
    System.exit(2);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
