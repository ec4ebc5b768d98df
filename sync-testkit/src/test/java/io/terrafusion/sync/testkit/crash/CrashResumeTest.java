package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.crash.AppliedBatches.Applied;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 2 under SIGKILL: a child JVM running a full PostgreSQL-to-PostgreSQL sync of 200,000 rows,
 * with its state store and its JDBC audit table in the target database, is killed after a random
 * number of committed transactions, again and again, and then runs to the end. Every restart finds
 * exactly the rows up to its checkpoint at the target, resumes right after it, and no key is written
 * twice; in the end the target equals the source, and the audit chain is whole with exactly one
 * record of each inserted row: none lost with a commit, none left by a transaction killed before it. The seed is printed; {@code -Dcrash.seed=<seed>} replays a run.
 */
class CrashResumeTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final int ROWS = 200_000;
  private static final int BATCH = 2_000;
  private static final int KILLS = 5;
  private static final String CHILD = "tfcrash_child";
  private static final String DDL = "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, qty INT,"
      + " price NUMERIC(12,2), seen TIMESTAMP)";

  private ServerDatabase source;
  private ServerDatabase target;
  @TempDir
  Path temp;

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(Kind.POSTGRESQL);
    source = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_kill_source");
    target = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_kill_target");
    source.execute(DDL, "INSERT INTO items SELECT g, 'item ' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 1000 END,"
        + " (g % 100000) / 100.0, TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second'"
        + " FROM generate_series(1, " + ROWS + ") g");
    target.execute(DDL);
  }

  @AfterEach
  void dropDatabases() {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void killedRunsResumeFromTheirCommittedCheckpointAndTheLastRunEndsEqual() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("CrashResumeTest seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    List<Applied> applied = new ArrayList<>();
    int kills = 0;
    for (int run = 0; run < KILLS; run++) {
      int killAfter = 1 + random.nextInt(12);
      Run result = runChild(run, killAfter, random.nextBoolean(), applied);
      assertThat(result.killed()).as("seed %d: run %d ended (%s) before its kill after %d transactions; its stderr:%n%s",
          seed, run, result.done(), killAfter, result.stderr()).isTrue();
      kills++;
    }
    Run last = runChild(KILLS, Integer.MAX_VALUE, false, applied);

    assertThat(kills).isGreaterThanOrEqualTo(5);
    assertThat(last.done()).as("seed %d: last run's end; its stderr:%n%s", seed, last.stderr()).isEqualTo("SUCCEEDED");
    applied.sort(Comparator.comparingLong(Applied::firstKey));
    for (int i = 1; i < applied.size(); i++) {
      assertThat(applied.get(i).firstKey()).as("seed %d: a key written twice, by %s and %s", seed, applied.get(i - 1),
          applied.get(i)).isGreaterThan(applied.get(i - 1).lastKey());
    }
    assertThat(applied.stream().mapToLong(Applied::rows).sum()).isLessThanOrEqualTo(ROWS);
    assertThat(target.count("items")).isEqualTo(ROWS);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
    assertThat(JdbcStateStore.create(target.dataSource()).checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
    assertThat(target.queryLong("SELECT COUNT(*) FROM tfsync_audit_records WHERE event_type = 'ROW_INSERTED'"))
        .isEqualTo(ROWS);
    assertThat(target.queryLong("SELECT COUNT(DISTINCT row_ref) FROM tfsync_audit_records"
        + " WHERE event_type = 'ROW_INSERTED'")).isEqualTo(ROWS);
    assertThat(AuditVerifier.verify(JdbcAuditStore.create(target.dataSource()), 5_000).valid())
        .as("seed %d: the audit chain", seed).isTrue();
  }

  /** How a child run ended: killed by the test, or with its final state (null if it died), and its error output. */
  private record Run(boolean killed, @Nullable String done, String stderr) {}

  /**
   * Runs the child until it has reported {@code killAfter} committed transactions, then kills it (when
   * {@code midTransaction}, once the server shows it inside its next write transaction); checks the
   * checkpoint it will start from against the target (before it starts) and against the first
   * transaction it commits.
   */
  private Run runChild(int run, int killAfter, boolean midTransaction, List<Applied> applied)
      throws IOException, InterruptedException {
    long durable = applied.stream().mapToLong(Applied::lastKey).max().orElse(0);
    String position = JdbcStateStore.create(target.dataSource()).checkpoint(ITEMS, FullScanDetector.NAME)
        .map(c -> c.position()).orElse("-");
    long resumedAfter = checkedCheckpoint(position, durable);
    System.out.println("CrashResumeTest run " + run + ": resumes after key " + resumedAfter + ", killed after "
        + (killAfter == Integer.MAX_VALUE ? "never" : killAfter + " transactions"
        + (midTransaction ? ", inside the next" : "")));
    Path stderr = temp.resolve("child-" + run + ".err");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
        url(source), url(target) + "&ApplicationName=" + CHILD, ITEMS.name(), Integer.toString(BATCH))
        .redirectError(stderr.toFile())
        .start();
    String done = null;
    boolean killed = false;
    int seen = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("checkpoint ")) {
          assertThat(line.substring("checkpoint ".length())).as("the checkpoint run %d found", run).isEqualTo(position);
        } else if (line.startsWith("applied ")) {
          Applied next = Applied.parse(line);
          if (seen == 0) {
            assertThat(next.firstKey()).as("run %d's first transaction", run).isEqualTo(resumedAfter + 1);
          }
          applied.add(next);
          if (++seen == killAfter) {
            if (midTransaction) {
              awaitOpenWrite(child);
            }
            child.destroyForcibly();
            killed = true;
            break;
          }
        } else if (line.startsWith("done ")) {
          done = line.split(" ")[1];
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    return new Run(killed, done, Files.readString(stderr));
  }

  /**
   * The key of the checkpoint a run starts from, checked: it is at or past every transaction a run
   * reported committed, and the target holds exactly the rows up to it.
   */
  private long checkedCheckpoint(String position, long durable) {
    long key = position.equals("-") ? 0 : FullScanPosition.key(position);
    assertThat(key).as("checkpoint key against the last reported commit").isGreaterThanOrEqualTo(durable);
    assertThat(target.count("items")).as("target rows at checkpoint key %d", key).isEqualTo(key);
    assertThat(target.queryLong("SELECT COALESCE(MAX(id), 0) FROM items")).isEqualTo(key);
    return key;
  }

  /**
   * Waits, polling the server with a deadline, until the child's target session is inside a write
   * transaction: loading rows or upserting the checkpoint, not yet committed.
   */
  private void awaitOpenWrite(Process child) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (child.isAlive() && System.nanoTime() < deadline) {
      long writing = source.queryLong("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?"
          + " AND state IN ('active', 'idle in transaction') AND xact_start IS NOT NULL"
          + " AND (query ILIKE 'COPY%' OR query ILIKE 'INSERT%')", CHILD);
      if (writing > 0) {
        return;
      }
    }
  }

  private static String url(ServerDatabase db) {
    String server = Kind.POSTGRESQL.url();
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + db.name();
  }
}
