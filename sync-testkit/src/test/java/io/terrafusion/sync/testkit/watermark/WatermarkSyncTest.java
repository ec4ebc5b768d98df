package io.terrafusion.sync.testkit.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncJob;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.InMemoryAuditSink;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.jdbc.WatermarkDetector;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.testkit.watermark.WatermarkSource.Server;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The watermark detector end to end, through the engine, on H2, PostgreSQL and MariaDB. */
class WatermarkSyncTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final SyncRequest SYNC = SyncRequest.incremental(ITEMS);

  static Stream<Arguments> serversColumnsAndZones() {
    return Stream.of(Server.values()).flatMap(server -> Stream.of(true, false).flatMap(moment ->
        Stream.of("UTC", WatermarkSource.PACIFIC).map(zone -> Arguments.of(server, moment, zone))));
  }

  /**
   * The second sync stands for one made once the lag has passed: a detector with no lag reads the
   * same checkpoint, as the first detector would an hour later.
   */
  @ParameterizedTest(name = "{0}, moment column {1}, session zone {2}")
  @MethodSource("serversColumnsAndZones")
  void rowsCommittedInsideTheLagWindowArriveWithTheNextSyncExactlyOnce(Server server, boolean moment, String zone)
      throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_lag_" + (moment ? "m" : "w") + (zone.equals("UTC") ? "u" : "p"), zone)) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(moment) + ")",
          "INSERT INTO items VALUES (1, 'a', " + db.ago(moment, 120) + ")",
          "INSERT INTO items VALUES (2, 'b', " + db.ago(moment, 120) + ")",
          "INSERT INTO items VALUES (3, 'c', " + db.ago(moment, 90) + ")",
          "INSERT INTO items VALUES (4, 'd', " + db.ago(moment, 10) + ")",
          "INSERT INTO items VALUES (5, 'e', " + db.ago(moment, 1) + ")");
      StateStore state = new InMemoryStateStore();

      SyncReport first = sync(db, state, detector("changed_at").lag(Duration.ofHours(1)).build());
      assertThat(first.inserted()).isEqualTo(3);
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L);

      SyncReport second = sync(db, state, detector("changed_at").lag(Duration.ZERO).build());
      assertThat(second.inserted()).isEqualTo(2);
      assertThat(second.table(ITEMS).orElseThrow().unchanged()).isZero();
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L, 4L, 5L);

      SyncReport third = sync(db, state, detector("changed_at").lag(Duration.ZERO).build());
      assertThat(third.changed()).isZero();
      assertThat(third.table(ITEMS).orElseThrow().unchanged()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aSyncStoppedAfterTheFirstOfTiedRowsResumesWithEveryRowExactlyOnce(Server server) throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_ties", "UTC")) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(true) + ")",
          // One statement, so that rows of the same age share their timestamp exactly.
          "INSERT INTO items VALUES (1, 'T2', " + db.ago(true, 120) + "), (2, 'T1', " + db.ago(true, 180) + "), (3, 'T3', "
              + db.ago(true, 60) + "), (4, 'T1', " + db.ago(true, 180) + "), (5, 'T2', " + db.ago(true, 120) + ")");
      CancellingStateStore state = new CancellingStateStore();
      InMemoryAuditSink audit = AuditSinks.inMemory();
      WatermarkDetector detector = detector("changed_at").build();
      try (SyncEngine engine = SyncEngine.builder().source(db.store()).target(db.target().store()).stateStore(state)
          .auditSink(audit).incrementalDetector(detector).batchSize(1).createMissingTables(true).build()) {
        CompletableFuture<SyncJob> handOver = new CompletableFuture<>();
        state.cancelAfterFirstCheckpoint(handOver);
        SyncJob job = engine.start(SYNC);
        handOver.complete(job);
        SyncReport stopped = job.result().get(2, TimeUnit.MINUTES);

        assertThat(stopped.state()).isEqualTo(JobState.CANCELLED);
        assertThat(rowEvents(audit, AuditEventType.ROW_INSERTED)).containsOnlyKeys(keys(2));
        assertThat(db.targetKeys("items")).containsExactly(2L);

        SyncReport resumed = engine.run(SYNC);
        assertThat(resumed.inserted()).isEqualTo(4);
        assertThat(resumed.updated()).isZero();
        assertThat(resumed.table(ITEMS).orElseThrow().unchanged()).isZero();
      }
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(rowEvents(audit, AuditEventType.ROW_INSERTED)).containsOnlyKeys(keys(1, 2, 3, 4, 5))
          .allSatisfy((key, count) -> assertThat(count).as("inserts of %s", key).isEqualTo(1L));
    }
  }

  @ParameterizedTest(name = "{0}, moment column {1}, session zone {2}")
  @MethodSource("serversColumnsAndZones")
  void aRowOfATransactionStillOpenDuringASyncArrivesWithTheNextSync(Server server, boolean moment, String zone)
      throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_open_" + (moment ? "m" : "w") + (zone.equals("UTC") ? "u" : "p"), zone)) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(moment) + ")");
      StateStore state = new InMemoryStateStore();
      WatermarkDetector detector = detector("changed_at").lag(Duration.ZERO).build();
      try (Connection late = db.connect()) {
        late.setAutoCommit(false);
        try (Statement st = late.createStatement()) {
          st.execute("INSERT INTO items VALUES (1, 'late', " + db.now(moment) + ")");
        }
        db.execute("INSERT INTO items VALUES (2, 'early', " + db.now(moment) + ")");

        SyncReport during = sync(db, state, detector);
        assertThat(during.inserted()).as("rows at or after the open transaction's start wait for it").isZero();

        late.commit();
      }
      db.settle();
      SyncReport after = sync(db, state, detector);
      assertThat(after.inserted()).isEqualTo(2);
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L);
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aRowDeletedAtTheSourceIsDeletedAtTheTargetByTheReconciliationWhenDue(Server server) throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_delete", "UTC")) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(true) + ")",
          "INSERT INTO items VALUES (1, 'a', " + db.ago(true, 60) + ")",
          "INSERT INTO items VALUES (2, 'b', " + db.ago(true, 60) + ")",
          "INSERT INTO items VALUES (3, 'c', " + db.ago(true, 60) + ")");
      StateStore state = new InMemoryStateStore();
      // The reconciler of production use: hash-diff, comparing segment checksums of source and target.
      WatermarkDetector always = detector("changed_at").reconciler(HashDiffDetector.create(), Duration.ZERO).build();
      WatermarkDetector hourly = detector("changed_at").reconciler(HashDiffDetector.create(), Duration.ofHours(1)).build();
      assertThat(sync(db, state, always).inserted()).isEqualTo(3);

      db.execute("DELETE FROM items WHERE id = 2");
      assertThat(sync(db, state, hourly).deleted()).as("the last reconciliation is less than an hour old").isZero();
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L);

      InMemoryAuditSink audit = AuditSinks.inMemory();
      SyncReport reconciled = sync(db, state, always, audit);
      assertThat(reconciled.deleted()).isEqualTo(1);
      assertThat(reconciled.inserted()).isZero();
      assertThat(db.targetKeys("items")).containsExactly(1L, 3L);
      assertThat(rowEvents(audit, AuditEventType.ROW_DELETED)).containsOnlyKeys(keys(2));
    }
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void anInterruptedReconciliationResumesWhereItStopped(Server server) throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_resume", "UTC")) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(true) + ")",
          "INSERT INTO items VALUES (1, 'a', " + db.ago(true, 60) + "), (2, 'b', " + db.ago(true, 60) + "), (3, 'c', "
              + db.ago(true, 60) + ")");
      CancellingStateStore state = new CancellingStateStore();
      WatermarkDetector detector = detector("changed_at").reconciler(FullScanDetector.create(), Duration.ZERO).build();
      try (SyncEngine engine = SyncEngine.builder().source(db.store()).target(db.target().store()).stateStore(state)
          .incrementalDetector(detector).batchSize(1).createMissingTables(true).build()) {
        assertThat(engine.run(SYNC).inserted()).isEqualTo(3);
        db.execute("DELETE FROM items WHERE id = 3");

        CompletableFuture<SyncJob> handOver = new CompletableFuture<>();
        state.cancelAfterCheckpoints(1, handOver);
        SyncJob job = engine.start(SYNC);
        handOver.complete(job);
        assertThat(job.result().get(2, TimeUnit.MINUTES).state()).isEqualTo(JobState.CANCELLED);
        assertThat(state.checkpoint(ITEMS, WatermarkDetector.NAME).orElseThrow().position()).contains("\"reconciling\"");
        assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L);

        SyncReport resumed = engine.run(SYNC);
        assertThat(resumed.deleted()).isEqualTo(1);
        assertThat(resumed.table(ITEMS).orElseThrow().unchanged()).as("the resumed scan starts after key 1").isEqualTo(1);
        assertThat(state.checkpoint(ITEMS, WatermarkDetector.NAME).orElseThrow().position())
            .contains("\"reconciledAt\"").doesNotContain("\"reconciling\"");
      }
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L);
    }
  }

  /**
   * A version observed as the maximum is read once it is known that no transaction open when it was
   * observed is still open. On H2 and PostgreSQL that can be the run that observes it; MariaDB shows
   * open transactions up to 0.1 s late, so there a later run reads it. Each step therefore syncs twice,
   * with the clock moved on between, and counts both.
   */
  @ParameterizedTest
  @EnumSource(Server.class)
  void aVersionColumnIsReadOnlyUpToVersionsNoOpenTransactionCanStillCommitBelow(Server server) throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_version", "UTC")) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), version BIGINT)",
          "INSERT INTO items VALUES (1, 'a', 1)", "INSERT INTO items VALUES (2, 'b', 2)", "INSERT INTO items VALUES (3, 'c', 3)");
      StateStore state = new InMemoryStateStore();
      WatermarkDetector detector = detector("version").lag(Duration.ZERO).build();
      assertThat(syncTwice(db, state, detector).inserted()).isEqualTo(3);

      try (Connection late = db.connect()) {
        late.setAutoCommit(false);
        try (Statement st = late.createStatement()) {
          st.execute("INSERT INTO items VALUES (4, 'late', 4)");
        }
        db.execute("INSERT INTO items VALUES (5, 'early', 5)");
        assertThat(syncTwice(db, state, detector).inserted()).as("version 5 waits for the transaction open below it")
            .isZero();
        late.commit();
      }
      assertThat(syncTwice(db, state, detector).inserted()).isEqualTo(2);

      db.execute("UPDATE items SET name = 'A', version = 6 WHERE id = 1");
      Totals updated = syncTwice(db, state, detector);
      assertThat(updated.updated()).isEqualTo(1);
      assertThat(updated.inserted()).isZero();
      assertThat(db.targetKeys("items")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
  }

  private record Totals(long inserted, long updated) {}

  private static Totals syncTwice(WatermarkSource db, StateStore state, WatermarkDetector detector) {
    SyncReport first = sync(db, state, detector);
    db.settle();
    SyncReport second = sync(db, state, detector);
    return new Totals(first.inserted() + second.inserted(), first.updated() + second.updated());
  }

  @ParameterizedTest
  @EnumSource(Server.class)
  void aChangeColumnMissingFromTheConfigurationOrTheTableFailsTheJobNamingTableAndColumn(Server server) throws Exception {
    try (WatermarkSource db = WatermarkSource.create(server, "wm_config", "UTC")) {
      db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20), changed_at " + db.timestampType(true) + ")");
      StateStore state = new InMemoryStateStore();

      SyncReport unconfigured = attempt(db, state,
          WatermarkDetector.builder().changeColumn(TableId.of("other"), "changed_at").build());
      assertThat(unconfigured.state()).isEqualTo(JobState.FAILED);
      assertThat(unconfigured.failure()).contains("items", "no change column");

      SyncReport absent = attempt(db, state, detector("touched_at").build());
      assertThat(absent.state()).isEqualTo(JobState.FAILED);
      assertThat(absent.failure()).contains("items", "touched_at");

      SyncReport wrongType = attempt(db, state, detector("name").build());
      assertThat(wrongType.state()).isEqualTo(JobState.FAILED);
      assertThat(wrongType.failure()).contains("items", "name", "timestamp or an integer");
    }
  }

  @Test
  void badOptionsAreReportedTogether() {
    assertThatThrownBy(() -> WatermarkDetector.builder().lag(Duration.ofSeconds(-1))
        .reconciler(FullScanDetector.create(), Duration.ofMinutes(-1)).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lag must be >= 0")
        .hasMessageContaining("reconcileEvery must be >= 0")
        .hasMessageContaining("changeColumn must be set");
  }

  private static WatermarkDetector.Builder detector(String column) {
    return WatermarkDetector.builder().changeColumn(column);
  }

  private static SyncReport sync(WatermarkSource db, StateStore state, WatermarkDetector detector) {
    return sync(db, state, detector, AuditSinks.inMemory());
  }

  private static SyncReport sync(WatermarkSource db, StateStore state, WatermarkDetector detector, InMemoryAuditSink audit) {
    try (SyncEngine engine = engine(db, state, detector, audit)) {
      return engine.run(SYNC);
    }
  }

  private static SyncReport attempt(WatermarkSource db, StateStore state, WatermarkDetector detector) throws Exception {
    try (SyncEngine engine = engine(db, state, detector, AuditSinks.inMemory())) {
      return engine.start(SYNC).result().get(2, TimeUnit.MINUTES);
    }
  }

  private static SyncEngine engine(WatermarkSource db, StateStore state, WatermarkDetector detector, InMemoryAuditSink audit) {
    return SyncEngine.builder().source(db.store()).target(db.target().store()).stateStore(state).auditSink(audit)
        .incrementalDetector(detector).createMissingTables(true).build();
  }

  private static Map<RowKey, Long> rowEvents(InMemoryAuditSink audit, AuditEventType type) {
    return audit.events().stream().filter(e -> e.type() == type).map(AuditEvent::key)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static RowKey[] keys(long... ids) {
    return java.util.Arrays.stream(ids).mapToObj(id -> RowKey.of(List.of(id))).toArray(RowKey[]::new);
  }
}
