package io.terrafusion.sync.testkit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.SyncListener;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The source's cheap estimate of a table's rows, for progress: exact on embedded databases, statistics on servers. */
class EstimatedRowCountTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final String CREATE = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(20))";

  @Test
  void h2CountsTheRows() {
    try (EmbeddedDatabase h2 = EmbeddedDatabase.h2()) {
      h2.execute(CREATE, insert(250));
      assertThat(estimate(h2)).hasValue(250);
    }
  }

  @Test
  void fullJobBetweenH2DatabasesReportsTheEstimateAndTimeLeft() {
    List<TableProgress> batches = new CopyOnWriteArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void batchApplied(String jobId, TableProgress progress) {
        batches.add(progress);
      }
    };
    try (EmbeddedDatabase source = EmbeddedDatabase.h2(); EmbeddedDatabase target = EmbeddedDatabase.h2()) {
      source.execute(CREATE, insert(250));
      target.execute(CREATE);
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(100)
          .listener(listener).build()) {
        JobProgress done = engine.job(engine.run(SyncRequest.full()).jobId()).orElseThrow().status().progress();

        assertThat(done.estimatedRows()).isEqualTo(250L);
        assertThat(done.rowsRead()).isEqualTo(250);
      }
    }
    assertThat(batches).extracting(TableProgress::rowsRead).containsExactly(100L, 200L, 250L);
    assertThat(batches).allSatisfy(p -> assertThat(p.estimatedRows()).isEqualTo(250L));
  }

  @Test
  void sqliteCountsTheRows() {
    try (EmbeddedDatabase sqlite = EmbeddedDatabase.sqlite()) {
      sqlite.execute(CREATE, insert(250));
      assertThat(estimate(sqlite)).hasValue(250);
    }
  }

  @Test
  void postgresGivesTheStatisticsOfAnAnalyzedTable() {
    ServerDatabase.require(Kind.POSTGRESQL);
    try (ServerDatabase pg = ServerDatabase.create(Kind.POSTGRESQL, "tfcontrol_estimate")) {
      pg.execute(CREATE, "INSERT INTO items SELECT n, 'n' FROM generate_series(1, 2000) AS n", "ANALYZE items");
      assertThat(estimate(pg).orElseThrow()).isBetween(1000L, 4000L);
    }
  }

  @Test
  void mariaDbGivesTheStatisticsOfAnAnalyzedTable() {
    ServerDatabase.require(Kind.MARIADB);
    try (ServerDatabase maria = ServerDatabase.create(Kind.MARIADB, "tfcontrol_estimate")) {
      maria.execute(CREATE, insert(2000), "ANALYZE TABLE items");
      assertThat(estimate(maria).orElseThrow()).isBetween(1000L, 4000L);
    }
  }

  /** One INSERT of rows 1..n, in SQL every database here takes. */
  private static String insert(int rows) {
    return IntStream.rangeClosed(1, rows).mapToObj(i -> "(" + i + ", 'n')")
        .collect(Collectors.joining(", ", "INSERT INTO items (id, name) VALUES ", ""));
  }

  private static OptionalLong estimate(TestDatabase db) {
    JdbcStore store = db.store();
    TableSchema items = store.table(ITEMS).orElseThrow();
    return store.estimatedRowCount(items);
  }
}
