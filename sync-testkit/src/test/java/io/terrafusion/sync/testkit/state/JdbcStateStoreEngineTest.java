package io.terrafusion.sync.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.spi.ConflictResolver;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sync resumes in another engine: the base hashes one engine wrote let the next one see a conflict. */
class JdbcStateStoreEngineTest {
  private static final TableId ITEMS = TableId.of("items");

  private final EmbeddedDatabase source = EmbeddedDatabase.h2();
  private final EmbeddedDatabase target = EmbeddedDatabase.h2();
  private final EmbeddedDatabase state = EmbeddedDatabase.sqlite();

  @AfterEach
  void dropDatabases() {
    source.close();
    target.close();
    state.close();
  }

  @Test
  void baseHashesFromOneEngineLetASecondEngineDetectAConflict() {
    String ddl = "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40))";
    source.execute(ddl, "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
    target.execute(ddl);
    SyncReport first = run();
    assertThat(first.inserted()).isEqualTo(2);
    assertThat(state.queryLong("SELECT COUNT(*) FROM tfsync_base_hashes")).isEqualTo(2);

    source.update("UPDATE items SET name = 'source edit' WHERE id = 1");
    target.update("UPDATE items SET name = 'target edit' WHERE id = 1");
    SyncReport second = run();

    assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(second.table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
    assertThat(target.queryLong("SELECT COUNT(*) FROM items WHERE id = 1 AND name = 'target edit'")).isEqualTo(1);
    assertThat(JdbcStateStore.create(state.dataSource()).jobs(0, 10)).hasSize(2);
  }

  private SyncReport run() {
    JdbcStateStore store = JdbcStateStore.create(state.dataSource());
    try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).stateStore(store)
        .conflictResolver(ConflictResolver.targetWins()).build()) {
      return engine.run(SyncRequest.full(ITEMS));
    }
  }
}
