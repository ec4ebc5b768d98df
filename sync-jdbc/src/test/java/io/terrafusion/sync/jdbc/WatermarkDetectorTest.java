package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SourceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watermark detector's reads on embedded databases, without the engine. */
class WatermarkDetectorTest {
  private static final TableId ITEMS = TableId.of("ITEMS");

  @Test
  void rowsOfOneTimestampFollowTheCompositeKeyWithStringsInByteOrderAndResumeAfterTheCheckpoint() {
    DataSource h2 = TestDatabases.h2();
    TestDatabases.execute(h2,
        "CREATE TABLE ITEMS (NAME VARCHAR(10), N INTEGER, CHANGED TIMESTAMP(6), PRIMARY KEY (NAME, N))",
        "INSERT INTO ITEMS VALUES ('a', 2, TIMESTAMP '2020-01-01 00:00:00'), ('😀', 1, TIMESTAMP '2020-01-01 00:00:00'),"
            + " ('a', 1, TIMESTAMP '2020-01-01 00:00:00'), ('é', 1, TIMESTAMP '2020-01-01 00:00:00'),"
            + " ('B', 1, TIMESTAMP '2020-01-01 00:00:00'), ('z', 1, TIMESTAMP '2019-12-31 23:59:59')");
    JdbcStore store = JdbcStore.of(h2);
    WatermarkDetector detector = WatermarkDetector.builder().changeColumn("CHANGED").lag(Duration.ZERO).build();
    TableSchema table = store.table(ITEMS).orElseThrow();

    List<ChangeBatch> all = read(detector, new DetectionContext(table, store, Checkpoint.initial(ITEMS, "watermark"), 1));
    assertThat(all).extracting(batch -> batch.changes().get(0).key()).containsExactly(
        key("z", 1), key("B", 1), key("a", 1), key("a", 2), key("é", 1), key("😀", 1));

    List<ChangeBatch> resumed = read(detector, new DetectionContext(table, store, all.get(2).checkpoint(), 2));
    assertThat(resumed).flatExtracting(ChangeBatch::changes).extracting(Change::key)
        .containsExactly(key("a", 2), key("é", 1), key("😀", 1));
    assertThat(resumed.get(0).changes()).extracting(Change::key).as("a batch is sorted by key").containsExactly(
        key("a", 2), key("é", 1));
  }

  @Test
  void aVersionColumnOnSqliteIsReadUpToTheObservedMaximumWhenNothingIsOpen(@TempDir Path directory) {
    DataSource sqlite = TestDatabases.sqlite(directory);
    TestDatabases.execute(sqlite, "CREATE TABLE ITEMS (ID INTEGER PRIMARY KEY, VERSION BIGINT)",
        "INSERT INTO ITEMS VALUES (1, 7), (2, 3), (3, 5)");
    JdbcStore store = JdbcStore.of(sqlite);
    WatermarkDetector detector = WatermarkDetector.builder().changeColumn("VERSION").lag(Duration.ZERO).build();
    TableSchema table = store.table(ITEMS).orElseThrow();

    List<ChangeBatch> batches = read(detector, new DetectionContext(table, store, Checkpoint.initial(ITEMS, "watermark"), 10));

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).changes()).extracting(Change::key).containsExactly(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L));
    assertThat(batches.get(0).checkpoint().position()).contains("\"safe\":[\"Long\",\"7\"]");
  }

  @Test
  void aSourceThatIsNotAJdbcStoreIsRefusedNamingIt() {
    DataSource h2 = TestDatabases.h2();
    TestDatabases.execute(h2, "CREATE TABLE ITEMS (ID INTEGER PRIMARY KEY, CHANGED TIMESTAMP)");
    TableSchema table = JdbcStore.of(h2).table(ITEMS).orElseThrow();
    SourceStore other = new SourceStore() {
      @Override
      public String name() {
        return "memory:elsewhere";
      }

      @Override
      public List<TableId> tables() {
        return List.of(ITEMS);
      }

      @Override
      public Optional<TableSchema> table(TableId id) {
        return Optional.of(table);
      }

      @Override
      public List<Row> read(TableSchema schema, KeyRange range, int limit) {
        return List.of();
      }

      @Override
      public List<Row> fetch(TableSchema schema, List<RowKey> keys) {
        return List.of();
      }
    };
    WatermarkDetector detector = WatermarkDetector.builder().changeColumn("CHANGED").build();

    assertThatThrownBy(() -> detector.open(new DetectionContext(table, other, Checkpoint.initial(ITEMS, "watermark"), 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory:elsewhere")
        .hasMessageContaining("ITEMS");
  }

  @Test
  void aCheckpointOfAnotherDetectorOrNotOfThisOneIsRefused() {
    DataSource h2 = TestDatabases.h2();
    TestDatabases.execute(h2, "CREATE TABLE ITEMS (ID INTEGER PRIMARY KEY, CHANGED TIMESTAMP)");
    JdbcStore store = JdbcStore.of(h2);
    TableSchema table = store.table(ITEMS).orElseThrow();
    WatermarkDetector detector = WatermarkDetector.builder().changeColumn("CHANGED").build();

    assertThatThrownBy(() -> detector.open(new DetectionContext(table, store, Checkpoint.initial(ITEMS, "full"), 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full");
    assertThatThrownBy(() -> detector.open(new DetectionContext(table, store, new Checkpoint(ITEMS, "watermark", "[1]"), 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ITEMS");
  }

  private static List<ChangeBatch> read(WatermarkDetector detector, DetectionContext context) {
    List<ChangeBatch> batches = new ArrayList<>();
    try (ChangeStream stream = detector.open(context)) {
      while (stream.hasNext()) {
        ChangeBatch batch = stream.next();
        if (!batch.changes().isEmpty()) {
          batches.add(batch);
        }
        stream.committed(batch);
      }
    }
    return batches;
  }

  private static RowKey key(String name, int n) {
    return RowKey.of(name, (long) n);
  }
}
