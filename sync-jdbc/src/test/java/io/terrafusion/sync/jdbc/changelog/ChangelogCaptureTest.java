package io.terrafusion.sync.jdbc.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.jdbc.Changelog;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.WriteBatch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Change capture on the embedded databases: what the triggers record and what the detector makes of it. */
class ChangelogCaptureTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final TableId PAIRS = TableId.of("pairs");
  private static final List<String> AWKWARD = List.of("plain", "it's", "back\\slash", "quote\"d", "tab\there",
      "line\nbreak", "\u0001", "ä", "業主", "😀", "\uFFFD", "\uE000", "a", "A", "a ", "[1]", "null", "");

  @TempDir
  static Path directory;

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("h2", (DataSourceMaker) () -> new DriverManagerDataSource("jdbc:h2:mem:c" + UUID.randomUUID()
            .toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE")),
        Arguments.of("sqlite", (DataSourceMaker) () -> new DriverManagerDataSource("jdbc:sqlite:"
            + directory.resolve("c-" + UUID.randomUUID() + ".sqlite"))));
  }

  interface DataSourceMaker {
    DataSource make();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void insertUpdateDeleteAndKeyChangesAreRecordedAndDetectedAsCurrentRows(String name, DataSourceMaker maker) throws SQLException {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40))");
    JdbcStore store = JdbcStore.of(ds);
    Changelog.install(store, ITEMS);

    execute(ds, "INSERT INTO items VALUES (1, 'one')", "INSERT INTO items VALUES (2, 'two')",
        "INSERT INTO items VALUES (3, 'three')", "UPDATE items SET label = 'ONE' WHERE id = 1",
        "DELETE FROM items WHERE id = 2", "UPDATE items SET id = 30 WHERE id = 3");

    assertThat(changeRows(ds)).containsExactly("I [1]", "I [2]", "I [3]", "U [1]", "D [2]", "D [3]", "U [30]");
    List<ChangeBatch> batches = drain(store, ITEMS, 100);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).isSnapshot()).isFalse();
    assertThat(batches.get(0).changes()).extracting(Change::kind, Change::key).containsExactly(
        tuple(ChangeKind.UPSERT, RowKey.of(1L)),
        tuple(ChangeKind.DELETE, RowKey.of(2L)),
        tuple(ChangeKind.DELETE, RowKey.of(3L)),
        tuple(ChangeKind.UPSERT, RowKey.of(30L)));
    assertThat(batches.get(0).changes().get(0).after().get("label")).isEqualTo("ONE");
    assertThat(changeRows(ds)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void stringKeysOfAnyUnicodeDecodeToExactlyTheirValues(String name, DataSourceMaker maker) throws SQLException {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id VARCHAR(20) PRIMARY KEY, label VARCHAR(40))");
    JdbcStore store = JdbcStore.of(ds);
    Changelog.install(store, ITEMS);
    for (String key : AWKWARD) {
      update(ds, "INSERT INTO items VALUES (?, ?)", key, "label");
    }

    List<Object> keys = new ArrayList<>();
    for (ChangeBatch batch : drain(store, ITEMS, 7)) {
      batch.changes().forEach(change -> {
        assertThat(change.kind()).isEqualTo(ChangeKind.UPSERT);
        keys.add(change.key().get(0));
      });
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(AWKWARD);
    assertThat(changeRows(ds)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void compositeKeysOfUuidDateTimestampAndDecimalDecodeExactly(String name, DataSourceMaker maker) throws SQLException {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE pairs (u UUID, d DATE, t TIMESTAMP(6), n DECIMAL(12,3), v VARCHAR(10),"
        + " PRIMARY KEY (u, d, t, n))");
    JdbcStore store = JdbcStore.of(ds);
    Changelog.install(store, PAIRS);
    TableSchema schema = store.table(PAIRS).orElseThrow();
    UUID u = UUID.fromString("f0e1d2c3-b4a5-4697-8889-aabbccddeeff");
    LocalDate d = LocalDate.of(2024, 3, 31);
    LocalDateTime t = LocalDateTime.of(2024, 3, 31, 2, 30, 15, 123_456_000);
    BigDecimal n = new BigDecimal("-12345.678");
    store.apply(schema, new WriteBatch(
        List.of(Row.of(schema.layout(), u, d, t, n, "x")), List.of()));

    List<ChangeBatch> batches = drain(store, PAIRS, 10);

    assertThat(batches).singleElement().satisfies(b -> assertThat(b.changes()).singleElement()
        .satisfies(c -> assertThat(c.key()).isEqualTo(RowKey.of(u, d, t, n))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void installCheckRemoveRoundTripAndInstallingTwiceIsHarmless(String name, DataSourceMaker maker) throws SQLException {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40))",
        "CREATE TABLE pairs (a INT, b INT, PRIMARY KEY (a, b))");
    JdbcStore store = JdbcStore.of(ds);
    assertThat(Changelog.check(store, ITEMS, PAIRS)).containsExactly(
        Map.entry(ITEMS, Changelog.Status.MISSING), Map.entry(PAIRS, Changelog.Status.MISSING));

    Changelog.install(store, ITEMS, PAIRS);
    execute(ds, "INSERT INTO items VALUES (1, 'one')");
    Changelog.install(store, ITEMS);
    execute(ds, "INSERT INTO items VALUES (2, 'two')");

    assertThat(Changelog.check(store, ITEMS, PAIRS)).containsOnly(
        Map.entry(ITEMS, Changelog.Status.INSTALLED), Map.entry(PAIRS, Changelog.Status.INSTALLED));
    assertThat(changeRows(ds)).containsExactly("I [1]", "I [2]");

    Changelog.remove(store, ITEMS);
    assertThat(Changelog.check(store, ITEMS)).containsEntry(ITEMS, Changelog.Status.MISSING);
    assertThat(tableExists(store)).isTrue();
    Changelog.remove(store, PAIRS);
    assertThat(Changelog.check(store, PAIRS)).containsEntry(PAIRS, Changelog.Status.MISSING);
    assertThat(tableExists(store)).isFalse();
    Changelog.remove(store, PAIRS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDroppedTriggerShowsAsPartialAndTheDetectorRefusesTheTable(String name, DataSourceMaker maker) {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40))");
    JdbcStore store = JdbcStore.of(ds);
    Changelog.install(store, ITEMS);
    execute(ds, "DROP TRIGGER \"tfsync_items_del\"");

    assertThat(Changelog.check(store, ITEMS)).containsEntry(ITEMS, Changelog.Status.PARTIAL);
    assertThatThrownBy(() -> drain(store, ITEMS, 10))
        .isInstanceOf(TableSyncException.class)
        .hasMessageContaining("table items has 2 of its 3 changelog triggers")
        .hasMessageContaining("install the changelog");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theDetectorNamesATableWithoutTriggers(String name, DataSourceMaker maker) {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40))");
    JdbcStore store = JdbcStore.of(ds);

    assertThatThrownBy(() -> drain(store, ITEMS, 10))
        .isInstanceOf(TableSyncException.class)
        .hasMessageContaining("table items has 0 of its 3 changelog triggers")
        .hasMessageContaining("Changelog.install");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void installRejectsUnknownTablesAndNoTables(String name, DataSourceMaker maker) {
    JdbcStore store = JdbcStore.of(maker.make());
    assertThatThrownBy(() -> Changelog.install(store, TableId.of("nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table nowhere does not exist");
    assertThatThrownBy(() -> Changelog.install(store))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one table");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void eachBatchPrunesOnlyTheRowsItConsumedWhenCommitted(String name, DataSourceMaker maker) {
    DataSource ds = maker.make();
    execute(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40))");
    JdbcStore store = JdbcStore.of(ds);
    Changelog.install(store, ITEMS);
    for (int i = 1; i <= 5; i++) {
      execute(ds, "INSERT INTO items VALUES (" + i + ", 'x')");
    }
    TableSchema schema = store.table(ITEMS).orElseThrow();
    try (ChangeStream stream = ChangelogDetector.create().open(new DetectionContext(schema, store,
        Checkpoint.initial(ITEMS, ChangelogDetector.NAME), 2))) {
      ChangeBatch first = stream.next();
      ChangeBatch second = stream.next();
      assertThat(first.checkpoint().position()).isNotEmpty();
      stream.committed(first);
      assertThat(changeRows(ds)).containsExactly("I [3]", "I [4]", "I [5]");
      stream.committed(second);
      assertThat(changeRows(ds)).containsExactly("I [5]");
    }
    assertThat(drain(store, ITEMS, 2)).singleElement()
        .satisfies(b -> assertThat(b.changes()).extracting(Change::key).containsExactly(RowKey.of(5L)));
  }

  static List<ChangeBatch> drain(JdbcStore store, TableId table, int batchSize) {
    TableSchema schema = store.table(table).orElseThrow();
    List<ChangeBatch> batches = new ArrayList<>();
    try (ChangeStream stream = ChangelogDetector.create().open(new DetectionContext(schema, store,
        Checkpoint.initial(table, ChangelogDetector.NAME), batchSize))) {
      while (stream.hasNext()) {
        ChangeBatch batch = stream.next();
        batches.add(batch);
        stream.committed(batch);
      }
    }
    return batches;
  }

  private static boolean tableExists(JdbcStore store) {
    store.refresh();
    return store.table(TableId.of(Changelog.CHANGE_TABLE)).isPresent();
  }

  private static List<String> changeRows(DataSource ds) {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"operation\", \"key_values\" FROM \"tfsync_changes\" ORDER BY \"seq\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2).replace("\"", ""));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static void execute(DataSource ds, String... statements) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
