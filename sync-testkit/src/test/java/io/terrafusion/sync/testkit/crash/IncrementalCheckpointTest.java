package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.Changelog;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.WatermarkDetector;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An incremental (watermark or changelog) sync into PostgreSQL with its state store in the target database commits
 * each checkpoint in its batch's transaction: a batch the target refuses at commit leaves the
 * checkpoint of the batch before, and the next job continues from there.
 */
class IncrementalCheckpointTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final String MARKER = CommitRefusal.MARKER;
  private static final String DDL = "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL,"
      + " updated_at TIMESTAMP NOT NULL)";

  private ServerDatabase source;
  private ServerDatabase target;

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(Kind.POSTGRESQL);
    source = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_incremental_source");
    target = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_incremental_target");
    source.execute(DDL);
    target.execute(DDL);
    CommitRefusal.install(target);
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
  void aWatermarkBatchRefusedAtCommitKeepsTheCheckpointBeforeItAndTheNextJobContinuesFromIt() {
    insertRows();
    refusedThenResumed(WatermarkDetector.builder().changeColumn("updated_at").build(), "1000");
  }

  @Test
  void aChangelogBatchRefusedAtCommitKeepsTheCheckpointBeforeItAndTheNextJobContinuesFromIt() {
    Changelog.install(source.store(), ITEMS);
    insertRows();
    refusedThenResumed(ChangelogDetector.create(), "1000");
  }

  /** Rows 1 to 3000, the 1500th of which the target refuses at commit. */
  private void insertRows() {
    source.execute("INSERT INTO items SELECT g, CASE WHEN g = 1500 THEN '" + MARKER + "' ELSE 'item ' || g END,"
        + " TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second' FROM generate_series(1, 3000) g");
  }

  private void refusedThenResumed(ChangeDetector detector, String firstBatchEnd) {
    CountingStateStore state = new CountingStateStore(JdbcStateStore.create(target.dataSource()));

    SyncReport failed = sync(state, detector);

    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(target.count("items")).isEqualTo(1000);
    assertThat(target.queryLong("SELECT MAX(id) FROM items")).isEqualTo(1000);
    String position = state.checkpoint(ITEMS, detector.name()).orElseThrow().position();
    assertThat(position).contains(firstBatchEnd);
    assertThat(state.carried.get()).isEqualTo(2);
    assertThat(state.savedAlone.get()).isZero();

    source.update("UPDATE items SET name = 'fixed' WHERE id = 1500");
    SyncReport resumed = sync(state, detector);

    assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(resumed.inserted()).isEqualTo(2000);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
  }

  private SyncReport sync(CountingStateStore state, ChangeDetector detector) {
    try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).stateStore(state)
        .batchSize(1000).incrementalDetector(detector).build()) {
      return engine.start(SyncRequest.incremental(ITEMS)).result().join();
    }
  }
}
