package io.terrafusion.sync.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HashDiffPropertyTest {
  private static final TableId T = TableId.of("t");
  private static final TableSchema SCHEMA = new TableSchema(T,
      List.of(Column.of("id", JDBCType.BIGINT), Column.of("v", JDBCType.BIGINT)), List.of("id"), List.of());

  /** Source and target contents (key to value) and the run's sizes. */
  record Scenario(Map<Long, Long> source, Map<Long, Long> target, int batchSize, int segmentRows, int fanOut,
      int leafRows) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Map<Long, Long>> contents = Arbitraries.maps(Arbitraries.longs().between(0, 60),
        Arbitraries.longs().between(0, 2)).ofMaxSize(40);
    return Combinators.combine(contents, contents, Arbitraries.integers().between(1, 8),
        Arbitraries.integers().between(1, 30), Arbitraries.integers().between(2, 5),
        Arbitraries.integers().between(1, 6)).as(Scenario::new);
  }

  private record Run(List<ChangeBatch> batches, ChecksumStore source, ChecksumStore target) {}

  private static Run run(Scenario scenario) {
    ChecksumStore source = store("source", scenario.source());
    ChecksumStore target = store("target", scenario.target());
    HashDiffDetector detector = HashDiffDetector.builder().segmentRows(scenario.segmentRows())
        .fanOut(scenario.fanOut()).leafRows(scenario.leafRows()).build();
    DetectionContext context = new DetectionContext(SCHEMA, source, Checkpoint.initial(T, HashDiffDetector.NAME),
        scenario.batchSize(), target, SCHEMA, List.of("id", "v"));
    List<ChangeBatch> batches = new ArrayList<>();
    try (ChangeStream stream = detector.open(context)) {
      stream.forEachRemaining(batches::add);
    }
    return new Run(batches, source, target);
  }

  private static ChecksumStore store(String name, Map<Long, Long> rows) {
    ChecksumStore store = new ChecksumStore(name, "md5-test").create(SCHEMA);
    rows.forEach((k, v) -> store.put(T, k, v));
    return store;
  }

  @Property(tries = 400)
  void applyingTheChangesMakesTheTargetEqualTheSource(@ForAll("scenarios") Scenario scenario) {
    Run run = run(scenario);
    TreeMap<RowKey, Row> target = new TreeMap<>();
    run.target().rows(T).forEach(r -> target.put(r.key(), r));

    for (ChangeBatch batch : run.batches()) {
      assertThat(batch.size()).isLessThanOrEqualTo(scenario.batchSize());
      KeyRange range = batch.snapshotRange();
      if (range != null) {
        Set<RowKey> kept = new HashSet<>();
        batch.changes().forEach(c -> kept.add(c.key()));
        target.keySet().removeIf(k -> range.contains(k) && !kept.contains(k));
      }
      for (Change change : batch.changes()) {
        if (change.after() == null) {
          target.remove(change.key());
        } else {
          target.put(change.key(), change.after());
        }
      }
    }

    assertThat(List.copyOf(target.values())).isEqualTo(run.source().rows(T));
  }

  @Property(tries = 400)
  void batchesComeInKeyOrderAndEachCheckpointCoversWhatCameBefore(@ForAll("scenarios") Scenario scenario) {
    List<ChangeBatch> batches = run(scenario).batches();
    RowKey passed = null;
    for (ChangeBatch batch : batches) {
      KeyRange range = batch.snapshotRange();
      if (range != null) {
        assertThat(passed == null || (range.after() != null && range.after().compareTo(passed) >= 0))
            .as("snapshot %s after %s", range, passed).isTrue();
      }
      for (Change change : batch.changes()) {
        assertThat(passed == null || change.key().compareTo(passed) > 0).as("%s after %s", change.key(), passed)
            .isTrue();
        passed = change.key();
      }
      if (!batch.checkpoint().isInitial()) {
        RowKey done = KeyCodec.decode(batch.checkpoint().position());
        assertThat(passed == null || done.compareTo(passed) >= 0).isTrue();
        passed = done;
      }
    }
    if (!batches.isEmpty()) {
      assertThat(batches.get(batches.size() - 1).checkpoint().isInitial()).isTrue();
    }
  }

  @Property(tries = 400)
  void rowsReadFollowTheDifferencesNotTheTableSize(@ForAll("scenarios") Scenario scenario) {
    Run run = run(scenario);
    Set<Long> keys = new HashSet<>(scenario.source().keySet());
    keys.addAll(scenario.target().keySet());
    long differences = keys.stream()
        .filter(k -> !Objects.equals(scenario.source().get(k), scenario.target().get(k))).count();

    // Leaves are compared row by row; a range whose parts mostly differ (or whose target side is empty)
    // is scanned whole, and then each of its parts, at most a top-level segment, holds a difference.
    boolean scanned = run.batches().stream().anyMatch(ChangeBatch::isSnapshot);
    long perDifference = scanned ? Math.max(scenario.leafRows(), 2L * scenario.segmentRows()) : scenario.leafRows();
    assertThat(run.source().rowsRead()).isLessThanOrEqualTo(differences * perDifference);
    assertThat(run.target().rowsRead()).isLessThanOrEqualTo(differences * scenario.leafRows());
    if (differences == 0) {
      assertThat(run.batches()).isEmpty();
    }
  }
}
