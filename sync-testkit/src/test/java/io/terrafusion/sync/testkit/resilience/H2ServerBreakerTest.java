package io.terrafusion.sync.testkit.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.CircuitBreakerStatus.State;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.CircuitBreakerPolicy;
import io.terrafusion.sync.core.RetryPolicy;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/** A target database server that goes away opens the target's breaker; once it is back, a job closes it. */
class H2ServerBreakerTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final String TABLE = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty BIGINT)";

  @Test
  void theTargetsBreakerOpensWhileItsServerIsDownAndClosesAfterASuccessfulJobOnceItIsBack() throws Exception {
    String port = Integer.toString(freePort());
    Server server = Server.createTcpServer("-tcpPort", port, "-ifNotExists").start();
    String url = "jdbc:h2:tcp://localhost:" + port + "/mem:resilience_breaker;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    try (EmbeddedDatabase source = EmbeddedDatabase.h2()) {
      source.execute(TABLE);
      insert(source, 1, 100);
      DriverManagerDataSource targetData = new DriverManagerDataSource(url);
      try (Connection c = targetData.getConnection(); Statement st = c.createStatement()) {
        st.execute(TABLE);
      }
      JdbcStore target = JdbcStore.builder(targetData).name("h2:tcp-target").build();
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target).batchSize(25)
          .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0))
          .circuitBreaker(new CircuitBreakerPolicy(2, Duration.ofSeconds(1), 1))
          .build()) {
        assertThat(engine.run(SyncRequest.full(ITEMS)).inserted()).isEqualTo(100);

        server.stop();
        insert(source, 101, 150);
        SyncReport down = engine.start(SyncRequest.full(ITEMS)).result().join();
        assertThat(down.state()).isEqualTo(JobState.FAILED);
        assertThat(target(engine).state()).isEqualTo(State.OPEN);
        assertThat(target(engine).failures()).isEqualTo(2);
        SyncReport refused = engine.start(SyncRequest.full(ITEMS)).result().join();
        assertThat(refused.failure()).startsWith("the circuit breaker of the target store h2:tcp-target is open since");

        server = Server.createTcpServer("-tcpPort", port, "-ifNotExists").start();
        awaitHalfOpen(engine);
        assertThat(engine.run(SyncRequest.full(ITEMS)).inserted()).isEqualTo(50);
        assertThat(target(engine).state()).isEqualTo(State.CLOSED);
        SyncAssertions.assertSameRows(source.store(), target, List.of(ITEMS));
      }
    } finally {
      server.stop();
    }
  }

  private static void insert(EmbeddedDatabase db, int from, int to) {
    db.execute("INSERT INTO items SELECT \"X\", 'name ' || \"X\", \"X\" * 3 FROM SYSTEM_RANGE(" + from + ", " + to + ")");
  }

  private static CircuitBreakerStatus target(SyncEngine engine) {
    return engine.circuitBreakers().stream().filter(b -> b.name().equals("target")).findFirst().orElseThrow();
  }

  /** Waits, polling, for the open breaker's delay to pass. */
  private static void awaitHalfOpen(SyncEngine engine) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (target(engine).state() != State.HALF_OPEN) {
      assertThat(System.nanoTime()).as("the target's breaker half-opens").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
