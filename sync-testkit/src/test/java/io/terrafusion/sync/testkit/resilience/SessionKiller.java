package io.terrafusion.sync.testkit.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills the database sessions of a sync from a thread of its own, as an operator or a failover
 * would: each round waits until the server shows at least one of the sync's sessions (polling the
 * server, with a deadline) and kills every one it shows.
 */
final class SessionKiller implements AutoCloseable {
  /** Kills the sync's sessions it finds over an admin connection; returns how many it killed. */
  interface Kill {
    int run(Connection admin) throws SQLException;
  }

  private final String adminUrl;
  private final Kill kill;
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final List<Future<Integer>> rounds = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();

  SessionKiller(String adminUrl, Kill kill) {
    this.adminUrl = adminUrl;
    this.kill = kill;
  }

  /** Starts a round; it runs until it killed some session or {@link #stop} is called. */
  synchronized void round() {
    rounds.add(thread.submit(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      try (Connection admin = DriverManager.getConnection(adminUrl)) {
        while (!stopped.get() && System.nanoTime() < deadline) {
          int killed = kill.run(admin);
          if (killed > 0) {
            return killed;
          }
          TimeUnit.MILLISECONDS.sleep(1);
        }
      }
      return 0;
    }));
  }

  /** Ends the rounds still looking for sessions. */
  void stop() {
    stopped.set(true);
  }

  /** How many rounds killed some session, once every round has ended. */
  synchronized int roundsThatKilled() throws Exception {
    int killed = 0;
    for (Future<Integer> round : rounds) {
      if (round.get(90, TimeUnit.SECONDS) > 0) {
        killed++;
      }
    }
    return killed;
  }

  @Override
  public void close() {
    stop();
    thread.shutdownNow();
  }
}
