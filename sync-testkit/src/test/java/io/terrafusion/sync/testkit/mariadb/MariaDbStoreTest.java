package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's basics on a real MariaDB server: detection, introspection, paging, writes. */
class MariaDbStoreTest {
  private static ServerDatabase db;
  private static ServerDatabase other;

  @BeforeAll
  static void createDatabase() {
    ServerDatabase.require(ServerDatabase.Kind.MARIADB);
    db = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_store_test");
    other = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_store_test_other");
    other.execute("CREATE TABLE elsewhere (id INT PRIMARY KEY)");
    db.execute(
        "CREATE TABLE parents (region VARCHAR(10) COLLATE utf8mb4_bin NOT NULL, num INT NOT NULL, label VARCHAR(20),"
            + " PRIMARY KEY (num, region))",
        "CREATE TABLE children (id BIGINT PRIMARY KEY, p_region VARCHAR(10) COLLATE utf8mb4_bin, p_num INT, note VARCHAR(5),"
            + " CONSTRAINT fk_parent FOREIGN KEY (p_num, p_region) REFERENCES parents (num, region))",
        "CREATE TABLE no_key (x INT)",
        "CREATE TABLE `odd``name` (`k``ey` VARCHAR(10) COLLATE utf8mb4_bin PRIMARY KEY, `v al` INT)",
        "CREATE TABLE words (w VARCHAR(20) PRIMARY KEY, n INT)");
  }

  @AfterAll
  static void dropDatabase() {
    if (other != null) {
      other.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void detectsTheMariaDbDialect() {
    assertThat(JdbcStore.of(db.dataSource()).dialect().name()).isEqualTo("mariadb");
    assertThat(db.store().name()).isEqualTo(db.label());
  }

  @Test
  void listsOnlyTheTablesWithKeysOfTheCurrentDatabase() {
    assertThat(db.store().tables()).extracting(TableId::name)
        .containsExactly("children", "odd`name", "parents", "words");
  }

  @Test
  void introspectsTypesKeyOrderAndForeignKeys() {
    TableSchema parents = db.store().table(TableId.of("parents")).orElseThrow();
    assertThat(parents.primaryKey()).containsExactly("num", "region");
    assertThat(parents.column("region").orElseThrow().jdbcType()).isEqualTo(JDBCType.VARCHAR);
    assertThat(parents.column("num").orElseThrow().jdbcType()).isEqualTo(JDBCType.INTEGER);

    TableSchema children = db.store().table(TableId.of("children")).orElseThrow();
    assertThat(children.foreignKeys()).containsExactly(
        new ForeignKey("fk_parent", List.of("p_num", "p_region"), TableId.of("parents"), List.of("num", "region")));
  }

  @Test
  void aTableWithoutPrimaryKeyOrOfAnotherDatabaseIsNotFound() {
    assertThat(db.store().table(TableId.of("no_key"))).isEmpty();
    assertThat(db.store().table(TableId.of("elsewhere"))).isEmpty();
  }

  @Test
  void quotesIdentifiersWithBackticks() {
    TableSchema odd = db.store().table(TableId.of("odd`name")).orElseThrow();
    Row row = Row.of(odd.layout(), "a`b", 7L);
    db.store().apply(odd, new WriteBatch(List.of(row), List.of()));
    assertThat(db.store().read(odd, KeyRange.all(), 10)).containsExactly(row);
  }

  @Test
  void pagesThroughACompositeKeyInKeyOrder() {
    TableSchema parents = db.store().table(TableId.of("parents")).orElseThrow();
    List<Row> rows = new ArrayList<>();
    for (int num = 3; num >= 1; num--) {
      for (String region : List.of("b", "B", "a", "ä")) {
        rows.add(Row.of(parents.layout(), region, (long) num, region + num));
      }
    }
    db.store().apply(parents, new WriteBatch(rows, List.of()));

    List<RowKey> seen = readAllKeys(parents, 5);
    assertThat(seen).hasSize(12).isSorted();
    assertThat(seen.subList(0, 4)).containsExactly(
        RowKey.of(1L, "B"), RowKey.of(1L, "a"), RowKey.of(1L, "b"), RowKey.of(1L, "ä"));
  }

  @Test
  void readsStringKeysInCodePointOrderDespiteACaseInsensitiveCollation() {
    TableSchema words = db.store().table(TableId.of("words")).orElseThrow();
    List<Row> rows = new ArrayList<>();
    // No two of these are equal under utf8mb4_general_ci (é and E would be, as would any two
    // characters beyond the Basic Multilingual Plane).
    for (String w : List.of("b", "C", "a", "D", "é", "\uD83D\uDE00", "z", "\uFFEE")) {
      rows.add(Row.of(words.layout(), w, 1L));
    }
    db.store().apply(words, new WriteBatch(rows, List.of()));

    assertThat(readAllKeys(words, 2)).extracting(k -> (String) k.get(0))
        .containsExactly("C", "D", "a", "b", "z", "é", "\uFFEE", "\uD83D\uDE00");
  }

  @Test
  void applyingABatchTwiceLeavesWhatApplyingItOnceLeft() {
    TableSchema parents = db.store().table(TableId.of("parents")).orElseThrow();
    WriteBatch batch = new WriteBatch(List.of(Row.of(parents.layout(), "idem", 40L, "x"),
        Row.of(parents.layout(), "idem", 41L, null)), List.of(RowKey.of(42L, "idem")));
    db.store().apply(parents, batch);
    List<Row> once = db.store().fetch(parents, List.of(RowKey.of(40L, "idem"), RowKey.of(41L, "idem")));
    db.store().apply(parents, batch);
    assertThat(db.store().fetch(parents, List.of(RowKey.of(40L, "idem"), RowKey.of(41L, "idem"))))
        .hasSize(2).isEqualTo(once);
  }

  @Test
  void aBatchWithABadRowAppliesNothingAndNamesTableAndSqlState() {
    TableSchema children = db.store().table(TableId.of("children")).orElseThrow();
    List<Row> rows = List.of(Row.of(children.layout(), 1L, null, null, "ok"),
        Row.of(children.layout(), 2L, null, null, "far too long"),
        Row.of(children.layout(), 3L, null, null, "ok"));

    assertThatThrownBy(() -> db.store().apply(children, new WriteBatch(rows, List.of())))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("children")
        .hasMessageContaining("22001")
        .hasMessageNotContaining("far too long")
        .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("22001");
    assertThat(db.count("children")).isZero();
  }

  private static List<RowKey> readAllKeys(TableSchema table, int pageSize) {
    List<RowKey> keys = new ArrayList<>();
    RowKey after = null;
    while (true) {
      List<Row> page = db.store().read(table, KeyRange.after(after), pageSize);
      if (page.isEmpty()) {
        return keys;
      }
      page.forEach(r -> keys.add(r.key()));
      after = page.get(page.size() - 1).key();
    }
  }
}
