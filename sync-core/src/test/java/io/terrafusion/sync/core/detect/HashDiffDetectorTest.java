package io.terrafusion.sync.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SourceStore;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashDiffDetectorTest {
  private static final TableId T = TableId.of("t");
  private static final TableSchema ITEMS = new TableSchema(T,
      List.of(Column.of("id", JDBCType.BIGINT), Column.of("name", JDBCType.VARCHAR), Column.of("qty", JDBCType.BIGINT)),
      List.of("id"), List.of());
  private static final HashDiffDetector SMALL = HashDiffDetector.builder().segmentRows(64).fanOut(4).leafRows(5).build();

  private final ChecksumStore source = new ChecksumStore("source", "md5-test").create(ITEMS);
  private final ChecksumStore target = new ChecksumStore("target", "md5-test").create(ITEMS);

  /** The shapes of primary key the detector must handle, each giving the key values of row {@code i}. */
  enum Keys {
    BIGINT(List.of(Column.of("id", JDBCType.BIGINT)), i -> new Object[] {(long) i}),
    COMPOSITE(List.of(Column.of("region", JDBCType.VARCHAR), Column.of("n", JDBCType.BIGINT)),
        i -> new Object[] {"r" + (i % 3), (long) i}),
    UUID_KEY(List.of(Column.of("id", JDBCType.OTHER)), i -> new Object[] {new UUID(i * 7919L, -i)}),
    STRING(List.of(Column.of("id", JDBCType.VARCHAR)), i -> new Object[] {(i % 2 == 0 ? "Ä" : "a") + i});

    final List<Column> keyColumns;
    final IntFunction<Object[]> key;

    Keys(List<Column> keyColumns, IntFunction<Object[]> key) {
      this.keyColumns = keyColumns;
      this.key = key;
    }

    TableSchema schema() {
      List<Column> columns = new ArrayList<>(keyColumns);
      columns.add(Column.of("name", JDBCType.VARCHAR));
      columns.add(Column.of("qty", JDBCType.BIGINT));
      return new TableSchema(T, columns, keyColumns.stream().map(Column::name).toList(), List.of());
    }

    Object[] row(int i, String name) {
      Object[] key = this.key.apply(i);
      Object[] row = new Object[key.length + 2];
      System.arraycopy(key, 0, row, 0, key.length);
      row[key.length] = name;
      row[key.length + 1] = (long) i;
      return row;
    }
  }

  private static DetectionContext context(TableSchema table, SourceStore source, SourceStore target, Checkpoint from,
      int batchSize) {
    return new DetectionContext(table, source, from, batchSize, target, table,
        table.columns().stream().map(Column::name).toList());
  }

  private static Checkpoint initial() {
    return Checkpoint.initial(T, HashDiffDetector.NAME);
  }

  private static List<ChangeBatch> run(HashDiffDetector detector, DetectionContext context) {
    List<ChangeBatch> batches = new ArrayList<>();
    try (ChangeStream stream = detector.open(context)) {
      stream.forEachRemaining(batches::add);
    }
    return batches;
  }

  private static List<Change> changes(List<ChangeBatch> batches) {
    return batches.stream().flatMap(b -> b.changes().stream()).toList();
  }

  private void fill(int rows) {
    for (long i = 0; i < rows; i++) {
      source.put(T, i, "n" + i, i);
      target.put(T, i, "n" + i, i);
    }
  }

  @Test
  void identicalTablesYieldNothingAndReadNoRows() {
    fill(1000);
    List<ChangeBatch> batches = run(HashDiffDetector.create(), context(ITEMS, source, target, initial(), 100));
    assertThat(batches).isEmpty();
    assertThat(source.rowsRead()).isZero();
    assertThat(target.rowsRead()).isZero();
    assertThat(source.checksumQueries() + target.checksumQueries()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Keys.class)
  void oneMissingOneExtraOneChangedRowGiveExactlyThreeChanges(Keys keys) {
    TableSchema schema = keys.schema();
    ChecksumStore from = new ChecksumStore("source", "md5-test").create(schema);
    ChecksumStore to = new ChecksumStore("target", "md5-test").create(schema);
    for (int i = 0; i < 300; i++) {
      from.put(T, keys.row(i, "n" + i));
      to.put(T, keys.row(i, i == 200 ? "changed" : "n" + i));
    }
    to.remove(T, keys.key.apply(100));
    to.put(T, keys.row(300, "extra"));

    List<ChangeBatch> batches = run(SMALL, context(schema, from, to, initial(), 20));

    List<Change> changes = changes(batches);
    assertThat(changes).extracting(Change::kind, Change::key).containsExactlyInAnyOrder(
        tuple(ChangeKind.INSERT, RowKey.of(keys.key.apply(100))),
        tuple(ChangeKind.UPDATE, RowKey.of(keys.key.apply(200))),
        tuple(ChangeKind.DELETE, RowKey.of(keys.key.apply(300))));
    assertThat(changes).extracting(Change::key).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(changes.stream().filter(c -> c.kind() == ChangeKind.UPDATE).findFirst().orElseThrow().after())
        .isEqualTo(Row.of(schema.layout(), keys.row(200, "n200")));
    assertThat(batches).noneMatch(ChangeBatch::isSnapshot);
    assertThat(from.rowsRead()).isLessThanOrEqualTo(3 * 5);
    assertThat(to.rowsRead()).isLessThanOrEqualTo(3 * 5);
  }

  @Test
  void aRangeWhereMostPartsDifferIsScannedOnceInsteadOfBisectedFurther() {
    fill(2_000);
    for (long id = 0; id < 2_000; id += 10) {
      target.put(T, id, "changed", id);
    }
    HashDiffDetector detector = HashDiffDetector.builder().segmentRows(2_000).fanOut(16).leafRows(5).build();

    List<ChangeBatch> batches = run(detector, context(ITEMS, source, target, initial(), 500));

    // Every one of the 16 parts differs: the range is read as snapshot batches, each source row once.
    assertThat(batches).filteredOn(ChangeBatch::isSnapshot).isNotEmpty();
    assertThat(changes(batches)).hasSize(2_000);
    assertThat(source.rowsRead()).isEqualTo(2_000);
    assertThat(target.rowsRead()).isZero();
    // Whole table, top-level split, the split into 16 parts; no deeper.
    assertThat(source.checksumQueries() + target.checksumQueries()).isEqualTo(6);
  }

  @Test
  void resumesAfterAMidTableCheckpoint() {
    fill(300);
    target.put(T, 10L, "changed", 10L).put(T, 250L, "changed", 250L);
    Checkpoint middle = new Checkpoint(T, HashDiffDetector.NAME, KeyCodec.encode(RowKey.of(150L)));

    List<ChangeBatch> batches = run(SMALL, context(ITEMS, source, target, middle, 20));

    assertThat(changes(batches)).extracting(Change::key).containsExactly(RowKey.of(250L));
    assertThat(batches.get(batches.size() - 1).checkpoint().isInitial()).isTrue();
  }

  @Test
  void aBatchCheckpointResumesWithTheRemainingChanges() {
    fill(300);
    target.put(T, 10L, "changed", 10L).put(T, 120L, "changed", 120L).put(T, 250L, "changed", 250L);
    List<ChangeBatch> whole = run(SMALL, context(ITEMS, source, target, initial(), 1));

    List<ChangeBatch> resumed = run(SMALL, context(ITEMS, source, target, whole.get(0).checkpoint(), 1));

    assertThat(whole.get(0).checkpoint().isInitial()).isFalse();
    assertThat(changes(resumed)).isEqualTo(changes(whole).subList(1, 3));
  }

  @Test
  void onlyTheLastBatchCarriesTheInitialCheckpoint() {
    fill(300);
    target.put(T, 10L, "changed", 10L).put(T, 120L, "changed", 120L).put(T, 299L, "changed", 299L);

    List<ChangeBatch> batches = run(SMALL, context(ITEMS, source, target, initial(), 1));

    assertThat(batches).hasSizeGreaterThan(1);
    assertThat(batches.subList(0, batches.size() - 1)).noneMatch(b -> b.checkpoint().isInitial());
    assertThat(batches.get(batches.size() - 1).checkpoint().isInitial()).isTrue();
    assertThat(batches).extracting(ChangeBatch::sequence).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aRunFromTheMiddleOfIdenticalTablesEndsWithOneEmptyBatchAtTheInitialCheckpoint() {
    fill(100);
    Checkpoint middle = new Checkpoint(T, HashDiffDetector.NAME, KeyCodec.encode(RowKey.of(50L)));

    List<ChangeBatch> batches = run(SMALL, context(ITEMS, source, target, middle, 20));

    assertThat(batches).singleElement().satisfies(b -> {
      assertThat(b.changes()).isEmpty();
      assertThat(b.checkpoint().isInitial()).isTrue();
    });
  }

  @Test
  void anEmptyTargetGetsTheSourceRowsAsSnapshotBatches() {
    for (long i = 0; i < 95; i++) {
      source.put(T, i, "n" + i, i);
    }

    List<ChangeBatch> batches = run(SMALL, context(ITEMS, source, target, initial(), 20));

    assertThat(batches).allMatch(ChangeBatch::isSnapshot).allMatch(b -> b.size() <= 20);
    assertThat(changes(batches)).extracting(Change::kind).containsOnly(ChangeKind.UPSERT);
    assertThat(changes(batches)).extracting(Change::after).isEqualTo(source.rows(T));
    assertContiguous(batches);
    assertThat(batches.get(batches.size() - 1).checkpoint().isInitial()).isTrue();
  }

  @Test
  void anEmptySourceGivesSnapshotsWithoutChangesOverTheTargetRows() {
    for (long i = 0; i < 45; i++) {
      target.put(T, i, "n" + i, i);
    }

    List<ChangeBatch> batches = run(SMALL, context(ITEMS, source, target, initial(), 20));

    assertThat(batches).hasSize(3).allMatch(ChangeBatch::isSnapshot).allMatch(b -> b.changes().isEmpty());
    assertContiguous(batches);
    assertThat(target.rowsRead()).isZero();
  }

  @Test
  void fallsBackToAFullScanWhenTheTargetHasNoChecksums() {
    assertFallsBack(context(ITEMS, source, new ChecksumStore("plain", null).create(ITEMS), initial(), 7));
  }

  @Test
  void fallsBackToAFullScanWhenTheAlgorithmsDiffer() {
    assertFallsBack(context(ITEMS, source, new ChecksumStore("other", "sha-test").create(ITEMS), initial(), 7));
  }

  @Test
  void fallsBackToAFullScanWhenTheMappingDoesNotPreserveValues() {
    assertFallsBack(new DetectionContext(ITEMS, source, initial(), 7, target, ITEMS, List.of()));
  }

  @Test
  void fallsBackToAFullScanWithoutATarget() {
    assertFallsBack(new DetectionContext(ITEMS, source, initial(), 7));
  }

  private void assertFallsBack(DetectionContext context) {
    for (long i = 0; i < 20; i++) {
      source.put(T, i, "n" + i, i);
    }
    assertThat(HashDiffDetector.create().comparesChecksums(context)).isFalse();

    List<ChangeBatch> batches = run(HashDiffDetector.create(), context);

    assertThat(batches).hasSize(3).allMatch(ChangeBatch::isSnapshot)
        .allMatch(b -> b.checkpoint().detector().equals(HashDiffDetector.NAME));
    assertThat(changes(batches)).extracting(Change::after).isEqualTo(source.rows(T));
    assertThat(batches.get(0).checkpoint().position()).isEqualTo(KeyCodec.encode(RowKey.of(6L)));
    assertThat(batches.get(2).checkpoint().isInitial()).isTrue();
    assertThat(source.checksumQueries()).isZero();
  }

  @Test
  void comparesChecksumsWhenBothStoresAgreeOnTheAlgorithm() {
    assertThat(HashDiffDetector.create().comparesChecksums(context(ITEMS, source, target, initial(), 7))).isTrue();
  }

  @Test
  void rejectsACheckpointOfAnotherDetector() {
    assertThatThrownBy(() -> HashDiffDetector.create().open(
        context(ITEMS, source, target, Checkpoint.initial(T, "full"), 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full").hasMessageContaining(HashDiffDetector.NAME);
  }

  @Test
  void builderReportsEveryBadTunableTogether() {
    assertThatThrownBy(() -> HashDiffDetector.builder().segmentRows(0).fanOut(1).leafRows(-3).build())
        .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "segmentRows must be > 0 but was 0", "fanOut must be >= 2 but was 1", "leafRows must be > 0 but was -3"));
  }

  @Test
  void isNamedHashdiff() {
    assertThat(HashDiffDetector.create().name()).isEqualTo("hashdiff");
  }

  private static void assertContiguous(List<ChangeBatch> batches) {
    RowKey expected = null;
    for (ChangeBatch batch : batches) {
      KeyRange range = batch.snapshotRange();
      assertThat(range).isNotNull();
      assertThat(range.after()).isEqualTo(expected);
      expected = range.upTo();
    }
    assertThat(expected).isNull();
  }
}
