package io.terrafusion.sync.testkit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.RetryPolicy;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.SourceStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections killed on the server in the middle of a full sync (as {@code pg_terminate_backend} or
 * MariaDB's {@code KILL} do) are retried on fresh connections, and the job still makes the target
 * equal to the source, counting every row once.
 */
class KilledConnectionsTest {
  private static final Logger LOG = LoggerFactory.getLogger(KilledConnectionsTest.class);
  private static final TableId ITEMS = TableId.of("items");
  private static final int ROWS = 50_000;
  private static final int BATCH = 1000;
  /** The applies at whose start a round of kills begins: four rounds spread over the 50 batches. */
  private static final Set<Integer> KILL_AT = Set.of(5, 15, 25, 40);
  /** Whose PostgreSQL sessions the killer may end: only this test's, never another test's on the server. */
  private static final String APPLICATION = "tfsync_resilience_kill";
  private static final RetryPolicy QUICK = new RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(500), 0.25);

  @Test
  void postgresToPostgresSurvivesTerminatedBackends() throws Exception {
    ServerDatabase.require(Kind.POSTGRESQL);
    try (ServerDatabase source = ServerDatabase.create(Kind.POSTGRESQL, "resilience_kill_src");
        ServerDatabase target = ServerDatabase.create(Kind.POSTGRESQL, "resilience_kill_tgt");
        SessionKiller killer = new SessionKiller(Kind.POSTGRESQL.url(), admin -> {
          try (PreparedStatement kill = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM"
              + " pg_stat_activity WHERE datname = current_database() AND application_name = ?"
              + " AND pid <> pg_backend_pid()")) {
            kill.setString(1, APPLICATION);
            try (ResultSet rs = kill.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        })) {
      String table = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty BIGINT)";
      source.execute(table, "INSERT INTO items SELECT g, 'name ' || g, g * 3 FROM generate_series(1, " + ROWS + ") g");
      target.execute(table);
      syncWhileKilling(killer, postgresStore(source), postgresStore(target), source, target);
    }
  }

  @Test
  void mariaDbToMariaDbSurvivesKilledConnections() throws Exception {
    ServerDatabase.require(Kind.MARIADB);
    try (ServerDatabase source = ServerDatabase.create(Kind.MARIADB, "resilience_kill_src");
        ServerDatabase target = ServerDatabase.create(Kind.MARIADB, "resilience_kill_tgt");
        SessionKiller killer = new SessionKiller(Kind.MARIADB.url(), admin -> {
          List<Long> ids = new ArrayList<>();
          try (Statement st = admin.createStatement();
              ResultSet rs = st.executeQuery("SELECT id FROM information_schema.processlist WHERE db IN"
                  + " ('resilience_kill_src', 'resilience_kill_tgt') AND id <> CONNECTION_ID()")) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          int killed = 0;
          for (long id : ids) {
            try (Statement st = admin.createStatement()) {
              st.execute("KILL " + id);
              killed++;
            } catch (java.sql.SQLException gone) {
              // the session ended by itself between the listing and the kill (unknown thread id)
            }
          }
          return killed;
        })) {
      String table = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty BIGINT)";
      source.execute(table, "INSERT INTO items SELECT seq, CONCAT('name ', seq), seq * 3 FROM seq_1_to_" + ROWS);
      target.execute(table);
      syncWhileKilling(killer, source.store(), target.store(), source, target);
    }
  }

  private static void syncWhileKilling(SessionKiller killer, SourceStore from, TargetStore to, ServerDatabase source,
      ServerDatabase target) throws Exception {
    List<AuditEvent> retries = Collections.synchronizedList(new ArrayList<>());
    SyncReport report;
    try (SyncEngine engine = SyncEngine.builder().source(from).target(new KillingTarget(to, killer, KILL_AT))
        .batchSize(BATCH).retryPolicy(QUICK).auditSink(event -> {
          if (event.type() == AuditEventType.RETRY) {
            retries.add(event);
          }
        }).build()) {
      report = engine.run(SyncRequest.full(ITEMS));
    } finally {
      killer.stop();
    }
    assertThat(killer.roundsThatKilled()).as("kill rounds that found a session of the sync").isPositive();
    Set<String> states = new TreeSet<>();
    retries.forEach(r -> states.add(r.details().getOrDefault("sqlState", r.details().get("failure"))));
    LOG.info("{} retries after killed sessions; the drivers reported {}", retries.size(), states);
    assertThat(retries).isNotEmpty();
    assertThat(report.inserted()).isEqualTo(ROWS);
    assertThat(target.count("items")).isEqualTo(ROWS);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
  }

  private static JdbcStore postgresStore(ServerDatabase db) {
    String url = Kind.POSTGRESQL.url();
    String separator = url.contains("?") ? "&" : "?";
    return JdbcStore.builder(new DriverManagerDataSource(url + separator + "currentSchema=" + db.name()
        + "&ApplicationName=" + APPLICATION)).name("postgresql:" + db.name()).build();
  }
}
