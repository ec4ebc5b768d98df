package io.terrafusion.sync.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SourceStore;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FullScanDetectorTest {
  private static final TableSchema T = new TableSchema(TableId.of("t"), List.of(Column.of("id", JDBCType.BIGINT)),
      List.of("id"), List.of());

  /** A source of keys 1..n that answers keyset reads. */
  private static SourceStore keys(long n) {
    return new SourceStore() {
      @Override
      public String name() {
        return "keys";
      }

      @Override
      public List<TableId> tables() {
        return List.of(T.id());
      }

      @Override
      public Optional<TableSchema> table(TableId table) {
        return Optional.of(T);
      }

      @Override
      public List<Row> read(TableSchema table, KeyRange range, int limit) {
        List<Row> rows = new ArrayList<>();
        for (long k = 1; k <= n && rows.size() < limit; k++) {
          if (range.contains(RowKey.of(k))) {
            rows.add(Row.of(T.layout(), k));
          }
        }
        return rows;
      }

      @Override
      public List<Row> fetch(TableSchema table, List<RowKey> keys) {
        return List.of();
      }
    };
  }

  private static List<ChangeBatch> scan(long n, int batchSize, Checkpoint from) {
    List<ChangeBatch> batches = new ArrayList<>();
    try (ChangeStream stream = FullScanDetector.create().open(new DetectionContext(T, keys(n), from, batchSize))) {
      stream.forEachRemaining(batches::add);
    }
    return batches;
  }

  @Test
  void batchesCoverEveryKeyAndTheLastIsOpenAbove() {
    List<ChangeBatch> batches = scan(5, 2, Checkpoint.initial(T.id(), "full"));
    assertThat(batches).extracting(ChangeBatch::snapshotRange).containsExactly(
        new KeyRange(null, RowKey.of(2L)),
        new KeyRange(RowKey.of(2L), RowKey.of(4L)),
        new KeyRange(RowKey.of(4L), null));
    assertThat(batches).extracting(ChangeBatch::size).containsExactly(2, 2, 1);
    assertThat(batches).extracting(ChangeBatch::sequence).containsExactly(0L, 1L, 2L);
  }

  @Test
  void exactMultipleEndsWithAnEmptyOpenBatch() {
    List<ChangeBatch> batches = scan(4, 2, Checkpoint.initial(T.id(), "full"));
    assertThat(batches).hasSize(3);
    assertThat(batches.get(2).changes()).isEmpty();
    assertThat(batches.get(2).snapshotRange()).isEqualTo(KeyRange.after(RowKey.of(4L)));
  }

  @Test
  void resumesAfterTheCheckpointKey() {
    List<ChangeBatch> first = scan(5, 2, Checkpoint.initial(T.id(), "full"));
    List<ChangeBatch> resumed = scan(5, 2, first.get(0).checkpoint());
    assertThat(resumed.get(0).changes()).extracting(c -> c.key()).containsExactly(RowKey.of(3L), RowKey.of(4L));
    assertThat(resumed.get(0).snapshotRange().after()).isEqualTo(RowKey.of(2L));
  }

  @Test
  void isNamedFull() {
    assertThat(FullScanDetector.create().name()).isEqualTo("full");
  }
}
