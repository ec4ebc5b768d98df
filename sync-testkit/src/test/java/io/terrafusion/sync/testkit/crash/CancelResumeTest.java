package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.crash.AppliedBatches.Applied;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full PostgreSQL-to-PostgreSQL sync, with its state store in the target database, cancelled after a
 * number of committed transactions: the target holds exactly the rows of those transactions and the
 * checkpoint their last key, and the next job reads only the rest of the source and ends equal.
 */
class CancelResumeTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final int ROWS = 12_000;
  private static final int BATCH = 1_200;
  private static final int CANCEL_AFTER = 4;
  private static final String DDL = "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, qty INT)";

  private ServerDatabase source;
  private ServerDatabase target;
  /** Jobs wait here until the test runs them on its own thread, after it holds the handle. */
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(Kind.POSTGRESQL);
    source = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_cancel_source");
    target = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_cancel_target");
    source.execute(DDL, "INSERT INTO items SELECT g, 'item ' || g, g % 97 FROM generate_series(1, " + ROWS + ") g");
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
  void aCancelledJobLeavesWholeBatchesAndTheirCheckpointAndTheNextJobReadsOnlyTheRest() {
    JdbcStateStore state = JdbcStateStore.create(target.dataSource());
    CountingStateStore counting = new CountingStateStore(state);
    AtomicReference<SyncJob> running = new AtomicReference<>();
    List<Applied> applied = new ArrayList<>();
    AppliedBatches cancelling = new AppliedBatches(a -> {
      applied.add(a);
      if (applied.size() == CANCEL_AFTER) {
        running.get().cancel();
      }
    });
    ReadRecordingSource firstReads = new ReadRecordingSource(source.store());

    SyncReport cancelled;
    try (SyncEngine engine = SyncEngine.builder().source(firstReads).target(target.store()).stateStore(counting)
        .batchSize(BATCH).auditSink(AuditSinks.optional(cancelling)).executor(tasks::add).build()) {
      running.set(engine.start(SyncRequest.full(ITEMS)));
      tasks.remove().run();
      cancelled = running.get().result().join();
    }

    long lastKey = (long) CANCEL_AFTER * BATCH;
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(applied).extracting(Applied::rows).containsOnly(BATCH).hasSize(CANCEL_AFTER);
    assertThat(target.count("items")).isEqualTo(lastKey);
    assertThat(target.queryLong("SELECT MAX(id) FROM items")).isEqualTo(lastKey);
    assertThat(FullScanPosition.key(state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow().position()))
        .isEqualTo(lastKey);
    assertThat(counting.carried.get()).isEqualTo(CANCEL_AFTER);
    assertThat(counting.savedAlone.get()).isZero();

    ReadRecordingSource secondReads = new ReadRecordingSource(source.store());
    SyncReport resumed;
    try (SyncEngine engine = SyncEngine.builder().source(secondReads).target(target.store()).stateStore(state)
        .batchSize(BATCH).build()) {
      resumed = engine.run(SyncRequest.full(ITEMS));
    }

    assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(resumed.inserted()).isEqualTo(ROWS - lastKey);
    assertThat(secondReads.starts().get(0)).isEqualTo(RowKey.of(lastKey));
    assertThat(secondReads.rowsRead()).isEqualTo(ROWS - lastKey);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
    assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
  }
}
