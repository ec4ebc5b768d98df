package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.detect.ChecksumStore;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.core.transform.Transformers;
import io.terrafusion.sync.api.RowKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's use of the hash-diff detector: full jobs into non-empty tables and default incremental jobs. */
class HashDiffSyncTest {
  private static final TableId ITEMS = Schemas.ITEMS;
  private static final int LEAF = 5;

  private final ChecksumStore source = new ChecksumStore("source", "md5-test").create(Schemas.items());
  private final ChecksumStore target = new ChecksumStore("target", "md5-test").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();

  private SyncEngineBuilder engine() {
    return SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(20)
        .executor(Runnable::run)
        .detector(HashDiffDetector.builder().segmentRows(64).fanOut(4).leafRows(LEAF).build());
  }

  /** 500 equal rows but for key 100 missing at the target, key 200 changed there and key 500 extra there. */
  private void threeDifferences() {
    for (long i = 0; i < 500; i++) {
      source.put(ITEMS, i, "n" + i, i);
      if (i != 100) {
        target.put(ITEMS, i, i == 200 ? "changed" : "n" + i, i);
      }
    }
    target.put(ITEMS, 500L, "extra", 500L);
  }

  private static void assertThreeChanges(SyncReport report) {
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.deleted()).isEqualTo(1);
  }

  @Test
  void fullJobComparesChecksumsAndReadsOnlyDifferingSegments() {
    threeDifferences();
    try (SyncEngine engine = engine().build()) {
      SyncReport report = engine.run(SyncRequest.full());

      assertThreeChanges(report);
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      assertThat(source.checksumQueries()).isPositive();
      assertThat(source.rowsRead()).isLessThanOrEqualTo(3 * LEAF);
      assertThat(state.checkpoint(ITEMS, HashDiffDetector.NAME)).isEmpty();
    }
  }

  @Test
  void fullJobIntoAnEmptyTargetScansWithoutChecksums() {
    for (long i = 0; i < 50; i++) {
      source.put(ITEMS, i, "n" + i, i);
    }
    try (SyncEngine engine = engine().build()) {
      assertThat(engine.run(SyncRequest.full()).inserted()).isEqualTo(50);
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(source.checksumQueries() + target.checksumQueries()).isZero();
  }

  @Test
  void fullJobResumesAnInterruptedScanRatherThanComparingChecksums() {
    for (long i = 0; i < 50; i++) {
      source.put(ITEMS, i, "n" + i, i);
      if (i <= 10) {
        target.put(ITEMS, i, "n" + i, i);
      }
    }
    state.saveCheckpoint(new Checkpoint(ITEMS, FullScanDetector.NAME, KeyCodec.encode(RowKey.of(10L))));
    try (SyncEngine engine = engine().build()) {
      assertThat(engine.run(SyncRequest.full()).inserted()).isEqualTo(39);
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(source.checksumQueries()).isZero();
    assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
  }

  @Test
  void fullJobWithAFilteringMappingScansWithoutChecksums() {
    threeDifferences();
    try (SyncEngine engine = engine().transformer(Transformers.filterRows(ITEMS, row -> true)).build()) {
      assertThreeChanges(engine.run(SyncRequest.full()));
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(source.checksumQueries()).isZero();
  }

  @Test
  void renamedColumnsStillCompareByChecksums() {
    TableSchema renamed = Schemas.table(ITEMS, List.of("id"), "id:BIGINT", "title:VARCHAR", "qty:BIGINT");
    ChecksumStore to = new ChecksumStore("target", "md5-test").create(renamed);
    for (long i = 0; i < 300; i++) {
      source.put(ITEMS, i, "n" + i, i);
      to.put(ITEMS, i, i == 7 ? "changed" : "n" + i, i);
    }
    try (SyncEngine engine = SyncEngine.builder().source(source).target(to).batchSize(20).executor(Runnable::run)
        .transformer(Transformers.renameColumns(ITEMS, Map.of("name", "title"))).build()) {
      SyncReport report = engine.run(SyncRequest.full());

      assertThat(report.updated()).isEqualTo(1);
      assertThat(report.inserted() + report.deleted() + report.table(ITEMS).orElseThrow().unchanged()).isZero();
    }
    assertThat(to.rows(ITEMS)).extracting(r -> r.get("title"))
        .isEqualTo(source.rows(ITEMS).stream().map(r -> r.get("name")).toList());
    assertThat(source.checksumQueries()).isPositive();
  }

  @Test
  void incrementalJobByDefaultReportsExactlyTheThreeDifferences() {
    threeDifferences();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(20)
        .executor(Runnable::run).build()) {
      assertThreeChanges(engine.run(SyncRequest.incremental()));
      assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
      assertThat(state.checkpoint(ITEMS, HashDiffDetector.NAME)).map(Checkpoint::isInitial).contains(true);

      source.resetCounts();
      target.resetCounts();
      assertThat(engine.run(SyncRequest.incremental()).changed()).isZero();
      assertThat(source.rowsRead() + target.rowsRead()).isZero();
    }
  }

  @Test
  void incrementalDeleteAtSourceIsDeletedAtTarget() {
    for (long i = 0; i < 100; i++) {
      source.put(ITEMS, i, "n" + i, i);
      target.put(ITEMS, i, "n" + i, i);
    }
    source.remove(ITEMS, 42L);
    try (SyncEngine engine = engine().build()) {
      SyncReport report = engine.run(SyncRequest.incremental());
      assertThat(report.deleted()).isEqualTo(1);
      assertThat(report.changed()).isEqualTo(1);
    }
    assertThat(target.rows(ITEMS)).extracting(Row::key).doesNotContain(RowKey.of(42L)).hasSize(99);
  }

  @Test
  void referencedTablesDeleteInTheSecondPassByChecksums() {
    TableId orders = TableId.of("orders");
    TableSchema child = Schemas.withForeignKey(
        Schemas.table(orders, List.of("id"), "id:BIGINT", "item:BIGINT"), "item", ITEMS, "id");
    source.create(child);
    target.create(child);
    for (long i = 0; i < 60; i++) {
      source.put(ITEMS, i, "n" + i, i);
      target.put(ITEMS, i, "n" + i, i);
      source.put(orders, i, i);
      target.put(orders, i, i);
    }
    target.put(ITEMS, 60L, "gone at source", 60L);
    target.put(orders, 60L, 60L);
    try (SyncEngine engine = engine().build()) {
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.deleted()).isEqualTo(2);
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(target.rows(orders)).isEqualTo(source.rows(orders));
    assertThat(source.rowsRead()).isLessThanOrEqualTo(3 * LEAF);
  }

  @Test
  void aRequestMayChooseTheHashDiffDetectorByName() {
    threeDifferences();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .incrementalDetector(FullScanDetector.create()).build()) {
      assertThreeChanges(engine.run(SyncRequest.incremental().withDetector(ITEMS, HashDiffDetector.NAME)));
    }
    assertThat(source.checksumQueries()).isPositive();
  }

  @Test
  void aVariantMayRegisterAHashDiffDetectorOfItsOwn() {
    HashDiffDetector tuned = HashDiffDetector.builder().leafRows(2).build();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run).build();
        SyncEngine variant = engine.toBuilder().detector(tuned).build()) {
      threeDifferences();
      assertThreeChanges(variant.run(SyncRequest.incremental()));
      assertThat(source.rowsRead()).isLessThanOrEqualTo(3 * 2);
    }
  }

  @Test
  void anInterruptedFullJobResumesAtTheHashDiffCheckpointAndConverges() {
    threeDifferences();
    target.failApply(2);
    try (SyncEngine engine = engine().batchSize(1).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> engine.run(SyncRequest.full())).isInstanceOf(JobFailedException.class);
      Checkpoint saved = state.checkpoint(ITEMS, HashDiffDetector.NAME).orElseThrow();
      assertThat(saved.isInitial()).isFalse();

      SyncReport rerun = engine.run(SyncRequest.full());

      assertThat(rerun.inserted()).isZero();
      assertThat(rerun.updated() + rerun.deleted()).isEqualTo(2);
    }
    assertThat(target.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
  }
}
