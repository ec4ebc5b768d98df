package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge values of every type through batched statements and the LOAD DATA bulk path. */
class MariaDbValuesTest {
  private static ServerDatabase db;

  @BeforeAll
  static void createDatabase() {
    ServerDatabase.require(ServerDatabase.Kind.MARIADB);
    db = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_values_test");
    for (String table : List.of("batched", "batched_chunks", "staged", "direct", "nan_batched", "nan_bulk", "nan_staged", "zero", "zoned", "narrow")) {
      db.execute("CREATE TABLE " + table + " " + EdgeRows.COLUMNS);
    }
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void edgeValuesRoundTripThroughBatchedStatements() {
    TableSchema table = table("batched");
    List<Row> rows = EdgeRows.rows(table.layout());
    for (Row row : rows) {
      db.store().apply(table, new WriteBatch(List.of(row), List.of()));
    }
    EdgeRows.assertSameRows(db.store().read(table, KeyRange.all(), 100), rows);
  }

  @Test
  void edgeValuesRoundTripThroughTheStagedBulkPathAndEqualTheBatchedResult() {
    TableSchema table = table("staged");
    List<Row> rows = withFiller(table);
    long loadsBefore = loads();
    db.store().apply(table, new WriteBatch(rows, List.of()));
    assertThat(loads()).isGreaterThan(loadsBefore);
    EdgeRows.assertSameRows(db.store().read(table, KeyRange.all(), 1000), rows);

    TableSchema batched = table("batched_chunks");
    long loadsAfterBulk = loads();
    for (int from = 0; from < rows.size(); from += 50) {
      db.store().apply(batched, new WriteBatch(rows.subList(from, Math.min(rows.size(), from + 50)), List.of()));
    }
    assertThat(loads()).isEqualTo(loadsAfterBulk);
    EdgeRows.assertSameRows(db.store().read(batched, KeyRange.all(), 1000), db.store().read(table, KeyRange.all(), 1000));
  }

  @Test
  void newRowsLoadStraightIntoTheTableAndAnExistingKeyFallsBackToTheMerge() {
    TableSchema table = table("direct");
    List<Row> rows = withFiller(table);
    db.store().apply(table, new WriteBatch(rows, List.of(), true));
    EdgeRows.assertSameRows(db.store().read(table, KeyRange.all(), 1000), rows);

    List<Row> changed = new ArrayList<>();
    for (Row row : rows) {
      changed.add(row.with("s", "changed " + row.key()));
    }
    db.store().apply(table, new WriteBatch(changed, List.of(), true));
    EdgeRows.assertSameRows(db.store().read(table, KeyRange.all(), 1000), changed);
  }

  @Test
  void nanCannotBeStoredAndNamesTableKeyAndColumnInBatchedWrites() {
    TableSchema table = table("nan_batched");
    Row row = EdgeRows.rows(table.layout()).get(4).with("f", Double.NaN);
    assertThatThrownBy(() -> db.store().apply(table, new WriteBatch(List.of(row), List.of())))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("nan_batched").hasMessageContaining("row (5)").hasMessageContaining("column f")
        .hasMessageContaining("Double").hasMessageContaining("DOUBLE");
  }

  @Test
  void infinityCannotBeStoredAndFailsTheWholeBulkBatch() {
    TableSchema table = table("nan_bulk");
    List<Row> rows = new ArrayList<>(withFiller(table));
    rows.set(4, rows.get(4).with("f", Double.POSITIVE_INFINITY));
    assertThatThrownBy(() -> db.store().apply(table, new WriteBatch(rows, List.of(), true)))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("nan_bulk").hasMessageContaining("row (5)").hasMessageContaining("column f")
        .hasMessageContaining("Double");
    assertThat(db.count("nan_bulk")).isZero();
  }

  @Test
  void aValueThatFailsOnTheStagedBulkPathIsReportedAgainstTheTargetTable() {
    TableSchema table = table("nan_staged");
    List<Row> rows = new ArrayList<>(withFiller(table));
    rows.set(4, rows.get(4).with("f", Double.NaN));
    assertThatThrownBy(() -> db.store().apply(table, new WriteBatch(rows, List.of())))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> assertThat(e.table()).isEqualTo(table.id()))
        .hasMessageContaining("nan_staged").hasMessageNotContaining("tfsync_staging");
    assertThat(db.count("nan_staged")).isZero();
  }

  @Test
  void zeroDatesReadAsNull() {
    db.execute("SET SESSION sql_mode = ''",
        "INSERT INTO zero (id, dt, dtm, ts) VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00')",
        "INSERT INTO zero (id, dt, dtm) VALUES (2, '2020-00-05', '2020-01-00 10:00:00')");
    List<Row> rows = db.store().read(table("zero"), KeyRange.all(), 10);
    assertThat(rows).hasSize(2).allSatisfy(row -> {
      assertThat(row.get("dt")).isNull();
      assertThat(row.get("dtm")).isNull();
      assertThat(row.get("ts")).isNull();
    });
  }

  @Test
  void timestampsAreInstantsWhateverTheSessionTimeZone() {
    db.execute("SET time_zone = '+02:00'", "INSERT INTO zoned (id, ts) VALUES (1, '2024-03-01 12:00:00.5')");
    TableSchema table = table("zoned");
    assertThat(db.store().read(table, KeyRange.all(), 1).get(0).get("ts"))
        .isEqualTo(Instant.parse("2024-03-01T10:00:00.500Z"));
    assertThat(db.queryLong("SELECT count(*) FROM zoned WHERE UNIX_TIMESTAMP(ts) = 1709287200.5")).isEqualTo(1);
  }

  @Test
  void textTooLongForItsColumnFailsTheBulkBatchAndAppliesNothing() {
    TableSchema table = table("narrow");
    List<Row> rows = new ArrayList<>(withFiller(table));
    rows.set(0, rows.get(0).with("s", "y".repeat(101)));
    assertThatThrownBy(() -> db.store().apply(table, new WriteBatch(rows, List.of())))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("narrow")
        .hasMessageNotContaining("yyyy")
        .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("22000");
    assertThat(db.count("narrow")).isZero();
    assertThat(db.store().fetch(table, List.of(RowKey.of(2L)))).isEmpty();
  }

  private static List<Row> withFiller(TableSchema table) {
    List<Row> rows = new ArrayList<>(EdgeRows.rows(table.layout()));
    rows.addAll(EdgeRows.filler(table.layout(), 600));
    return rows;
  }

  private static TableSchema table(String name) {
    return db.store().table(TableId.of(name)).orElseThrow();
  }

  /** LOAD DATA statements the server has run, counted by every session. */
  private static long loads() {
    return db.queryLong("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_LOAD'");
  }
}
