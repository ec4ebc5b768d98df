package io.terrafusion.sync.bench;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The benchmark harness: generates a parcels table and measures sync cases against a baseline run
 * in the same process, printing one line per case:
 *
 * <pre>BENCH case=NAME rows=N seconds=S rows_per_s=X ratio=R peak_heap_mb=M</pre>
 *
 * <p>{@code ratio} is the case's rows per second over its baseline's. Run it with {@code -Xmx256m}
 * to check that memory does not grow with the table. Usage: {@code Bench [--rows N]} (default
 * 1,000,000). Server databases join in a later issue; this version measures H2 to H2.
 */
public final class Bench {
  private static final String DDL = "CREATE TABLE parcels (id BIGINT NOT NULL PRIMARY KEY, parcel_no VARCHAR(20) NOT NULL,"
      + " owner_name VARCHAR(100), situs VARCHAR(200), land_use VARCHAR(20), land_value NUMERIC(14,2),"
      + " improvement_value NUMERIC(14,2), acres DOUBLE PRECISION, active BOOLEAN NOT NULL, updated_at TIMESTAMP NOT NULL,"
      + " attributes VARCHAR(400), notes VARCHAR(2000))";
  private static final String FILL = "INSERT INTO parcels SELECT x, CONCAT('P-', x), CONCAT('Owner ', MOD(x, 9973)),"
      + " CONCAT(MOD(x, 9000) + 100, ' Canal Dr'), CASEWHEN(MOD(x, 3) = 0, 'residential', 'agricultural'),"
      + " CAST(MOD(x * 37, 400000) AS NUMERIC(14,2)) + 0.25, CAST(MOD(x * 91, 900000) AS NUMERIC(14,2)) + 0.5,"
      + " x / 7.0, MOD(x, 10) <> 0, TIMESTAMP '2025-01-01 00:00:00' + x * INTERVAL '1' SECOND,"
      + " CONCAT('{\"zone\":\"R', MOD(x, 5), '\",\"flood\":', MOD(x, 2) = 0, '}'), REPEAT('n', MOD(x, 200))"
      + " FROM (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, ?)) r";
  private static final int BATCH = 2000;

  private Bench() {}

  /** Runs every case; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    long rows = parseRows(args);
    Path dir = Files.createTempDirectory("tfsync-bench");
    try {
      DataSource source = h2(dir, "source");
      DataSource baselineTarget = h2(dir, "baseline");
      DataSource target = h2(dir, "target");
      execute(source, DDL);
      execute(baselineTarget, DDL);
      execute(target, DDL);
      fill(source, rows);

      Result baseline = measure("h2-h2-jdbc-copy-baseline", rows, () -> jdbcCopy(source, baselineTarget));
      print(baseline, baseline);

      try (SyncEngine engine = SyncEngine.builder()
          .source(JdbcStore.of(source))
          .target(JdbcStore.of(target))
          .batchSize(BATCH)
          .build()) {
        print(measure("h2-h2-full-empty-target", rows, () -> check(engine.run(SyncRequest.full()), rows)), baseline);
        print(measure("h2-h2-full-unchanged-target", rows, () -> check(engine.run(SyncRequest.full()), 0)), baseline);
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private record Result(String name, long rows, double seconds, long peakHeapBytes) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private static Result measure(String name, long rows, Runnable body) {
    System.gc();
    HeapSampler sampler = HeapSampler.start();
    long start = System.nanoTime();
    try {
      body.run();
    } finally {
      sampler.stop();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, rows, seconds, sampler.peakBytes());
  }

  /**
   * The highest heap use seen, sampled every few milliseconds. The memory pools' own peaks cannot be
   * summed: each pool peaks at another moment, and their sum can exceed the heap's limit.
   */
  private static final class HeapSampler implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread = new Thread(this, "heap-sampler");
    private volatile boolean running = true;
    private volatile long peak;

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      sampler.thread.setDaemon(true);
      sampler.thread.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        LockSupport.parkNanos(2_000_000);
      }
    }

    void stop() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    long peakBytes() {
      return peak;
    }
  }

  private static void print(Result r, Result baseline) {
    System.out.printf(Locale.ROOT, "BENCH case=%s rows=%d seconds=%.3f rows_per_s=%.0f ratio=%.2f peak_heap_mb=%d%n",
        r.name(), r.rows(), r.seconds(), r.rowsPerSecond(), r.rowsPerSecond() / baseline.rowsPerSecond(),
        r.peakHeapBytes() / (1024 * 1024));
  }

  private static void check(SyncReport report, long expectedChanges) {
    long changed = report.changed();
    if (changed != expectedChanges) {
      throw new IllegalStateException("expected " + expectedChanges + " changed rows but the sync reported " + changed);
    }
    if (report.table(TableId.of("parcels")).isEmpty()) {
      throw new IllegalStateException("the sync did not report table parcels");
    }
  }

  /** The baseline: a plain JDBC copy, streamed read and batched inserts committed per batch. */
  private static void jdbcCopy(DataSource from, DataSource to) {
    try (Connection in = from.getConnection(); Connection out = to.getConnection();
        Statement select = in.createStatement();
        PreparedStatement insert = out.prepareStatement("INSERT INTO parcels VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      out.setAutoCommit(false);
      select.setFetchSize(BATCH);
      try (ResultSet rs = select.executeQuery("SELECT * FROM parcels ORDER BY id")) {
        int pending = 0;
        while (rs.next()) {
          for (int i = 1; i <= 12; i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            out.commit();
            pending = 0;
          }
        }
        insert.executeBatch();
        out.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("baseline copy failed: " + e.getMessage(), e);
    }
  }

  private static DataSource h2(Path dir, String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE");
    return ds;
  }

  private static void fill(DataSource ds, long rows) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(FILL)) {
      ps.setLong(1, rows);
      ps.executeUpdate();
    }
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long parseRows(String[] args) {
    if (args.length == 0) {
      return 1_000_000;
    }
    if (args.length == 2 && args[0].equals("--rows")) {
      try {
        long rows = Long.parseLong(args[1]);
        if (rows > 0) {
          return rows;
        }
      } catch (NumberFormatException e) {
        // reported below with the usage
      }
    }
    System.err.println("usage: Bench [--rows N] where N is a whole number > 0");
    System.exit(2);
    return 0;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
