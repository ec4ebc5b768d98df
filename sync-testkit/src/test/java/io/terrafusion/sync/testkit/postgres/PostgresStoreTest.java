package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.Column;
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
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC store's basics on a real PostgreSQL server. */
class PostgresStoreTest {
  private ServerDatabase db;
  private JdbcStore store;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_store_test");
    db.execute(
        "CREATE TABLE parent (code VARCHAR(10) NOT NULL, num INT NOT NULL, label TEXT, PRIMARY KEY (num, code))",
        "CREATE TABLE child (id BIGSERIAL PRIMARY KEY, p_code VARCHAR(10), p_num INT,"
            + " FOREIGN KEY (p_num, p_code) REFERENCES parent (num, code))",
        "CREATE TABLE no_key (v INT)",
        "CREATE TABLE tags (tag TEXT PRIMARY KEY)",
        "CREATE TABLE tfsync_staging (tag TEXT PRIMARY KEY)");
    store = db.store();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void detectsThePostgresqlDialect() {
    assertThat(store.dialect().name()).isEqualTo("postgresql");
  }

  @Test
  void listsTheKeyedTablesOfTheCurrentSchemaButNotTheLibrarysOwn() {
    assertThat(store.tables()).containsExactly(TableId.of("child"), TableId.of("parent"), TableId.of("tags"));
  }

  @Test
  void introspectsTypesPrimaryKeyOrderAndForeignKeys() {
    TableSchema parent = store.table(TableId.of("parent")).orElseThrow();
    TableSchema child = store.table(TableId.of("child")).orElseThrow();
    assertThat(parent.primaryKey()).containsExactly("num", "code");
    assertThat(parent.columns()).extracting(Column::name, Column::jdbcType, Column::typeName)
        .containsExactly(tuple("code", JDBCType.VARCHAR, "varchar"), tuple("num", JDBCType.INTEGER, "int4"),
            tuple("label", JDBCType.VARCHAR, "text"));
    assertThat(child.foreignKeys()).extracting(ForeignKey::columns, ForeignKey::referencedTable,
        ForeignKey::referencedColumns)
        .containsExactly(tuple(List.of("p_num", "p_code"), TableId.of("parent"), List.of("num", "code")));
    assertThat(store.table(TableId.of("no_key"))).isEmpty();
  }

  @Test
  void readsCompositeStringKeysPageByPageInKeyOrder() {
    TableSchema parent = store.table(TableId.of("parent")).orElseThrow();
    List<Row> rows = new ArrayList<>();
    for (int num = 3; num >= 1; num--) {
      for (String code : List.of("b", "B", "a", "\u00e4")) {
        rows.add(Row.of(parent.layout(), code, (long) num, "x"));
      }
    }
    store.apply(parent, new WriteBatch(rows, List.of()));

    List<RowKey> keys = new ArrayList<>();
    RowKey after = null;
    List<Row> page;
    do {
      page = store.read(parent, KeyRange.after(after), 5);
      page.forEach(row -> keys.add(row.key()));
      after = page.isEmpty() ? after : page.get(page.size() - 1).key();
    } while (page.size() == 5);

    assertThat(keys).hasSize(12).isSorted();
    assertThat(keys.subList(0, 4)).containsExactly(RowKey.of(1L, "B"), RowKey.of(1L, "a"), RowKey.of(1L, "b"),
        RowKey.of(1L, "\u00e4"));
  }

  @Test
  void readsAnUpperBoundedRange() {
    TableSchema parent = store.table(TableId.of("parent")).orElseThrow();
    store.apply(parent, new WriteBatch(List.of(Row.of(parent.layout(), "a", 1L, null),
        Row.of(parent.layout(), "b", 1L, null), Row.of(parent.layout(), "a", 2L, null)), List.of()));
    assertThat(store.read(parent, new KeyRange(RowKey.of(1L, "a"), RowKey.of(2L, "a")), 10))
        .extracting(Row::key).containsExactly(RowKey.of(1L, "b"), RowKey.of(2L, "a"));
  }

  @Test
  void applyingABatchTwiceLeavesTheSameRowsAndRewritesNone() {
    TableSchema parent = store.table(TableId.of("parent")).orElseThrow();
    WriteBatch batch = new WriteBatch(List.of(Row.of(parent.layout(), "a", 1L, "one"),
        Row.of(parent.layout(), "b", 2L, "two")), List.of());
    store.apply(parent, batch);
    long xminBefore = db.queryLong("SELECT sum(xmin::text::bigint) FROM parent");
    store.apply(parent, batch);

    assertThat(db.queryLong("SELECT sum(xmin::text::bigint) FROM parent")).isEqualTo(xminBefore);
    assertThat(store.read(parent, KeyRange.all(), 10)).containsExactlyElementsOf(batch.upserts());
  }

  @Test
  void tablesOfKeyColumnsOnlyTakeUpsertsTwiceByBothPaths() {
    TableSchema tags = store.table(TableId.of("tags")).orElseThrow();
    List<Row> few = List.of(Row.of(tags.layout(), "x"), Row.of(tags.layout(), "X"));
    List<Row> many = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(Row.of(tags.layout(), "tag" + i));
    }
    for (List<Row> rows : List.of(few, few, many, many)) {
      store.apply(tags, new WriteBatch(rows, List.of()));
    }
    assertThat(db.count("tags")).isEqualTo(1202);
    assertThat(db.count("tfsync_staging")).as("a permanent table named like the staging table is left alone").isZero();
  }

  @Test
  void upsertsOverwriteAndDeletesRemove() {
    TableSchema parent = store.table(TableId.of("parent")).orElseThrow();
    store.apply(parent, new WriteBatch(List.of(Row.of(parent.layout(), "a", 1L, "one"),
        Row.of(parent.layout(), "b", 2L, "two")), List.of()));
    store.apply(parent, new WriteBatch(List.of(Row.of(parent.layout(), "a", 1L, "uno")), List.of(RowKey.of(2L, "b"))));
    assertThat(store.read(parent, KeyRange.all(), 10)).containsExactly(Row.of(parent.layout(), "a", 1L, "uno"));
  }

  @Test
  void aFailingRowAppliesNothingAndTheErrorNamesTableAndSqlStateButNoValue() {
    TableSchema child = store.table(TableId.of("child")).orElseThrow();
    Row good = Row.of(child.layout(), 1L, null, null);
    Row orphan = Row.of(child.layout(), 2L, "secret-1", 99L);

    assertThatThrownBy(() -> store.apply(child, new WriteBatch(List.of(good, orphan), List.of())))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("23503");
          assertThat(e.getMessage()).contains("child").doesNotContain("secret-1");
        });
    assertThat(db.count("child")).isZero();
  }
}
