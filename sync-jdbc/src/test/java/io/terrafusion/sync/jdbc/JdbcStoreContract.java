package io.terrafusion.sync.jdbc;

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
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect's {@link JdbcStore} does, run once per database. Each test gets a database of
 * its own. Identifiers are quoted in lower case so that both databases report the same names.
 */
abstract class JdbcStoreContract {
  static final TableId ITEMS = TableId.of("items");

  DataSource dataSource;
  JdbcStore store;

  /** A new, empty database. */
  abstract DataSource newDatabase();

  /** The name of the dialect detection must pick. */
  abstract String expectedDialect();

  @BeforeEach
  void createStore() {
    dataSource = newDatabase();
    TestDatabases.execute(dataSource,
        "CREATE TABLE \"items\" (\"id\" BIGINT NOT NULL PRIMARY KEY, \"name\" VARCHAR(20) NOT NULL,"
            + " \"qty\" INTEGER DEFAULT 7 CHECK (\"qty\" >= 0))");
    store = JdbcStore.of(dataSource);
  }

  void sql(String... statements) {
    TestDatabases.execute(dataSource, statements);
  }

  TableSchema schema(TableId table) {
    return store.table(table).orElseThrow();
  }

  Row item(TableSchema items, long id, String name, Integer qty) {
    return Row.of(items.layout(), id, name, qty == null ? null : qty.longValue());
  }

  List<Row> readAll(TableSchema table) {
    return store.read(table, KeyRange.all(), 10_000);
  }

  List<Object> keysOf(List<Row> rows) {
    return rows.stream().map(row -> row.key().size() == 1 ? row.key().get(0) : row.key()).toList();
  }

  // ---- detection and naming

  @Test
  void detectsTheDialectOfTheDatabase() {
    assertThat(store.dialect().name()).isEqualTo(expectedDialect());
  }

  @Test
  void defaultNameStartsWithDialectAndHoldsNoCredentials() {
    assertThat(store.name()).startsWith(expectedDialect() + ":").doesNotContain("secret").doesNotContain(";");
  }

  @Test
  void givenNameIsUsed() {
    assertThat(JdbcStore.builder(dataSource).name("target").build().name()).isEqualTo("target");
  }

  // ---- introspection

  @Test
  void tablesListsOnlyTablesWithPrimaryKeySortedByName() {
    sql("CREATE TABLE \"zeta\" (\"id\" INTEGER PRIMARY KEY)",
        "CREATE TABLE \"alpha\" (\"id\" INTEGER PRIMARY KEY)",
        "CREATE TABLE \"nokey\" (\"id\" INTEGER)");
    assertThat(store.tables()).containsExactly(TableId.of("alpha"), ITEMS, TableId.of("zeta"));
  }

  @Test
  void tablesLeavesOutTheLibrarysOwnTables() {
    sql("CREATE TABLE \"tfsync_changes\" (\"seq\" INTEGER PRIMARY KEY)",
        "CREATE TABLE \"TFSYNC_JOBS\" (\"id\" INTEGER PRIMARY KEY)",
        "CREATE TABLE \"tfsync\" (\"id\" INTEGER PRIMARY KEY)");
    assertThat(store.tables()).containsExactly(ITEMS, TableId.of("tfsync"));
  }

  @Test
  void tableReportsColumnsTypesAndNullability() {
    TableSchema items = schema(ITEMS);
    assertThat(items.columns())
        .extracting(Column::name, Column::jdbcType, Column::nullable)
        .containsExactly(
            tuple("id", JDBCType.BIGINT, false),
            tuple("name", JDBCType.VARCHAR, false),
            tuple("qty", items.column("qty").orElseThrow().jdbcType(), true));
    assertThat(items.column("qty").orElseThrow().jdbcType()).isIn(JDBCType.INTEGER, JDBCType.BIGINT);
    assertThat(items.column("name").orElseThrow().size()).isEqualTo(20);
    assertThat(items.primaryKey()).containsExactly("id");
  }

  @Test
  void tableReportsCompositePrimaryKeyInKeyOrder() {
    sql("CREATE TABLE \"pairs\" (\"a\" INTEGER NOT NULL, \"b\" VARCHAR(10) NOT NULL, \"v\" INTEGER,"
        + " PRIMARY KEY (\"b\", \"a\"))");
    TableSchema pairs = schema(TableId.of("pairs"));
    assertThat(pairs.columns()).extracting(Column::name).containsExactly("a", "b", "v");
    assertThat(pairs.primaryKey()).containsExactly("b", "a");
  }

  @Test
  void tableReportsForeignKeysWithColumnsInConstraintOrder() {
    sql("CREATE TABLE \"parent\" (\"a\" INTEGER NOT NULL, \"b\" VARCHAR(10) NOT NULL, PRIMARY KEY (\"b\", \"a\"))",
        "CREATE TABLE \"child\" (\"id\" INTEGER PRIMARY KEY, \"pa\" INTEGER, \"pb\" VARCHAR(10), \"item\" BIGINT,"
            + " CONSTRAINT \"fk_parent\" FOREIGN KEY (\"pb\", \"pa\") REFERENCES \"parent\" (\"b\", \"a\"),"
            + " FOREIGN KEY (\"item\") REFERENCES \"items\" (\"id\"))");
    assertThat(schema(TableId.of("child")).foreignKeys())
        .extracting(ForeignKey::columns, ForeignKey::referencedTable, ForeignKey::referencedColumns)
        .containsExactlyInAnyOrder(
            tuple(List.of("pb", "pa"), TableId.of("parent"), List.of("b", "a")),
            tuple(List.of("item"), ITEMS, List.of("id")));
  }

  @Test
  void tableOfMissingTableIsEmpty() {
    assertThat(store.table(TableId.of("missing"))).isEmpty();
  }

  @Test
  void tableWithoutPrimaryKeyIsEmpty() {
    sql("CREATE TABLE \"nokey\" (\"id\" INTEGER)");
    assertThat(store.table(TableId.of("nokey"))).isEmpty();
  }

  @Test
  void schemasAreCachedUntilRefresh() {
    TableSchema before = schema(ITEMS);
    sql("ALTER TABLE \"items\" ADD COLUMN \"extra\" INTEGER");
    assertThat(schema(ITEMS)).isEqualTo(before);
    store.refresh();
    assertThat(schema(ITEMS).columns()).extracting(Column::name).containsExactly("id", "name", "qty", "extra");
  }

  @Test
  void identifiersNeedingQuotesWorkEverywhere() {
    sql("CREATE TABLE \"odd \"\"name\"\"\" (\"my col\" VARCHAR(10) NOT NULL PRIMARY KEY, \"x;y\" INTEGER)");
    TableId odd = TableId.of("odd \"name\"");
    assertThat(store.tables()).contains(odd);
    TableSchema schema = schema(odd);
    assertThat(schema.columns()).extracting(Column::name).containsExactly("my col", "x;y");
    store.apply(schema, new WriteBatch(List.of(Row.of(schema.layout(), "k1", 1L), Row.of(schema.layout(), "k2", 2L)),
        List.of()));
    store.apply(schema, new WriteBatch(List.of(Row.of(schema.layout(), "k1", 10L)), List.of(RowKey.of("k2"))));
    assertThat(readAll(schema)).containsExactly(Row.of(schema.layout(), "k1", 10L));
    assertThat(store.fetch(schema, List.of(RowKey.of("k1")))).hasSize(1);
  }

  // ---- read

  @Test
  void readReturnsRowsInKeyOrder() {
    TableSchema items = schema(ITEMS);
    sql("INSERT INTO \"items\" VALUES (30, 'c', 1)", "INSERT INTO \"items\" VALUES (-5, 'a', 2)",
        "INSERT INTO \"items\" VALUES (10, 'b', NULL)");
    assertThat(readAll(items)).containsExactly(item(items, -5, "a", 2), item(items, 10, "b", null),
        item(items, 30, "c", 1));
  }

  @Test
  void readHonoursExclusiveAfterInclusiveUpToAndLimit() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(LongStream.rangeClosed(1, 10).mapToObj(i -> item(items, i, "n" + i, 0)).toList(),
        List.of()));
    assertThat(keysOf(store.read(items, new KeyRange(RowKey.of(3L), RowKey.of(7L)), 100))).containsExactly(4L, 5L, 6L, 7L);
    assertThat(keysOf(store.read(items, KeyRange.after(RowKey.of(8L)), 100))).containsExactly(9L, 10L);
    assertThat(keysOf(store.read(items, new KeyRange(null, RowKey.of(2L)), 100))).containsExactly(1L, 2L);
    assertThat(keysOf(store.read(items, KeyRange.after(RowKey.of(2L)), 3))).containsExactly(3L, 4L, 5L);
  }

  @Test
  void readPagesThroughCompositeKeysInOrder() {
    sql("CREATE TABLE \"pairs\" (\"a\" INTEGER NOT NULL, \"b\" VARCHAR(10) NOT NULL, \"v\" INTEGER,"
        + " PRIMARY KEY (\"a\", \"b\"))");
    TableSchema pairs = schema(TableId.of("pairs"));
    List<Row> rows = new ArrayList<>();
    for (long a = 1; a <= 3; a++) {
      for (String b : List.of("x", "B", "b", "a")) {
        rows.add(Row.of(pairs.layout(), a, b, a));
      }
    }
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(7));
    store.apply(pairs, new WriteBatch(shuffled, List.of()));

    List<Row> paged = new ArrayList<>();
    RowKey after = null;
    List<Row> page;
    do {
      page = store.read(pairs, KeyRange.after(after), 5);
      paged.addAll(page);
      after = page.isEmpty() ? after : page.get(page.size() - 1).key();
    } while (page.size() == 5);
    rows.sort((x, y) -> x.key().compareTo(y.key()));
    assertThat(paged).containsExactlyElementsOf(rows);
    assertThat(keysOf(store.read(pairs, new KeyRange(RowKey.of(1L, "b"), RowKey.of(2L, "B")), 100)))
        .containsExactly(RowKey.of(1L, "x"), RowKey.of(2L, "B"));
  }

  @Test
  void readOrdersStringKeysByCodePoint() {
    sql("CREATE TABLE \"words\" (\"w\" VARCHAR(10) NOT NULL PRIMARY KEY)");
    TableSchema words = schema(TableId.of("words"));
    List<String> canonical = List.of("A", "B", "a", "b", "\u00e9", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00a");
    List<Row> rows = new ArrayList<>(canonical.stream().map(w -> Row.of(words.layout(), w)).toList());
    Collections.shuffle(rows, new Random(3));
    store.apply(words, new WriteBatch(rows, List.of()));

    assertThat(keysOf(readAll(words))).containsExactlyElementsOf(canonical);
    assertThat(keysOf(store.read(words, KeyRange.after(RowKey.of("\uFFFD")), 10)))
        .containsExactly("\uD83D\uDE00", "\uD83D\uDE00a");
    assertThat(keysOf(store.read(words, new KeyRange(RowKey.of("b"), RowKey.of("\uD83D\uDE00")), 10)))
        .containsExactly("\u00e9", "\uFFFD", "\uD83D\uDE00");
  }

  @Test
  void readReturnsOnlyTheProjectedColumns() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(List.of(item(items, 1, "one", 3)), List.of()));
    TableSchema projection = items.withColumns(
        List.of(items.column("qty").orElseThrow(), items.column("id").orElseThrow()), List.of("id"));
    assertThat(readAll(projection)).containsExactly(Row.of(projection.layout(), 3L, 1L));
  }

  @Test
  void rejectsNonPositiveLimit() {
    TableSchema items = schema(ITEMS);
    assertThatThrownBy(() -> store.read(items, KeyRange.all(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be > 0 but was 0");
  }

  // ---- fetch

  @Test
  void fetchReturnsExistingRowsInKeyOrderAcrossChunks() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(LongStream.range(0, 1200).mapToObj(i -> item(items, i, "n", 1)).toList(),
        List.of()));
    List<RowKey> wanted = new ArrayList<>();
    LongStream.range(0, 1300).filter(i -> i % 10 != 3).forEach(i -> wanted.add(RowKey.of(i)));
    Collections.shuffle(wanted, new Random(11));

    List<Row> fetched = store.fetch(items, wanted);

    List<Long> expected = LongStream.range(0, 1200).filter(i -> i % 10 != 3).boxed().toList();
    assertThat(keysOf(fetched)).containsExactlyElementsOf(expected);
  }

  // ---- apply

  @Test
  void applyInsertsUpdatesAndDeletes() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(List.of(item(items, 1, "one", 1), item(items, 2, "two", 2)), List.of()));
    store.apply(items, new WriteBatch(List.of(item(items, 2, "TWO", 20), item(items, 3, "three", 3)),
        List.of(RowKey.of(1L), RowKey.of(99L))));
    assertThat(readAll(items)).containsExactly(item(items, 2, "TWO", 20), item(items, 3, "three", 3));
  }

  @Test
  void applyDeletesBeforeUpsertsSoAKeyInBothIsWritten() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(List.of(item(items, 1, "one", 1)), List.of()));
    store.apply(items, new WriteBatch(List.of(item(items, 1, "again", 2)), List.of(RowKey.of(1L))));
    assertThat(readAll(items)).containsExactly(item(items, 1, "again", 2));
  }

  @Test
  void applyingABatchTwiceEqualsApplyingItOnce() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(List.of(item(items, 1, "one", 1), item(items, 2, "two", 2)), List.of()));
    WriteBatch batch = new WriteBatch(List.of(item(items, 2, "TWO", 5), item(items, 4, "four", 4)),
        List.of(RowKey.of(1L)));
    store.apply(items, batch);
    List<Row> once = readAll(items);
    store.apply(items, batch);
    assertThat(readAll(items)).isEqualTo(once).hasSize(2);
  }

  @Test
  void failingBatchAppliesNothingAndNamesTableAndSqlState() {
    TableSchema items = schema(ITEMS);
    store.apply(items, new WriteBatch(List.of(item(items, 1, "one", 1), item(items, 2, "two", 2)), List.of()));
    WriteBatch bad = new WriteBatch(
        List.of(item(items, 3, "three", 3), item(items, 4, "four", -777), item(items, 5, "five", 5)),
        List.of(RowKey.of(1L)));

    assertThatThrownBy(() -> store.apply(items, bad))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.table()).isEqualTo(ITEMS);
          assertThat(e.sqlState()).startsWith("23");
          assertThat(e.key()).as("the failing key, where the driver tells it").isIn(null, RowKey.of(4L));
          assertThat(e.getMessage()).contains("items").contains(e.sqlState()).doesNotContain("-777");
        });
    assertThat(readAll(items)).containsExactly(item(items, 1, "one", 1), item(items, 2, "two", 2));
  }

  @Test
  void applyWritesOnlyTheProjectedColumns() {
    TableSchema items = schema(ITEMS);
    TableSchema projection = items.withColumns(
        List.of(items.column("id").orElseThrow(), items.column("name").orElseThrow()), List.of("id"));
    store.apply(projection, new WriteBatch(List.of(Row.of(projection.layout(), 1L, "one")), List.of()));
    store.apply(items, new WriteBatch(List.of(item(items, 2, "two", 2)), List.of()));
    store.apply(projection, new WriteBatch(List.of(Row.of(projection.layout(), 2L, "TWO")), List.of()));
    assertThat(readAll(items)).containsExactly(item(items, 1, "one", 7), item(items, 2, "TWO", 2));
  }

  @Test
  void upsertIntoATableOfOnlyKeyColumnsIsIdempotent() {
    sql("CREATE TABLE \"tags\" (\"a\" INTEGER NOT NULL, \"b\" VARCHAR(5) NOT NULL, PRIMARY KEY (\"a\", \"b\"))");
    TableSchema tags = schema(TableId.of("tags"));
    WriteBatch batch = new WriteBatch(List.of(Row.of(tags.layout(), 1L, "x"), Row.of(tags.layout(), 2L, "y")),
        List.of());
    store.apply(tags, batch);
    store.apply(tags, batch);
    assertThat(readAll(tags)).hasSize(2);
  }

  @Test
  void rejectsRowsOfAnotherLayout() {
    TableSchema items = schema(ITEMS);
    TableSchema projection = items.withColumns(
        List.of(items.column("id").orElseThrow(), items.column("name").orElseThrow()), List.of("id"));
    WriteBatch batch = new WriteBatch(List.of(Row.of(projection.layout(), 1L, "one")), List.of());
    assertThatThrownBy(() -> store.apply(items, batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout");
  }

  @Test
  void unbindableValueThrowsValueConversionExceptionNamingColumnButNotValue() {
    TableSchema items = schema(ITEMS);
    WriteBatch batch = new WriteBatch(List.of(Row.of(items.layout(), 1L, "one", "secret-value")), List.of());
    assertThatThrownBy(() -> store.apply(items, batch))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("qty");
          assertThat(e.key()).isEqualTo(RowKey.of(1L));
          assertThat(e.getMessage()).contains("items").contains("qty").contains("String")
              .doesNotContain("secret-value");
        });
    assertThat(readAll(items)).isEmpty();
  }

  @Test
  void unreadableValueThrowsValueConversionExceptionNamingTheRow() {
    sql("CREATE TABLE \"dated\" (\"id\" INTEGER PRIMARY KEY, \"day\" DATE)");
    TableSchema dated = schema(TableId.of("dated"));
    Column day = dated.column("day").orElseThrow();
    TableSchema asText = dated.withColumns(List.of(dated.column("id").orElseThrow(), day), List.of("id"));
    JdbcStore strict = JdbcStore.builder(dataSource)
        .typeHandler(new FailingReader(day.name()))
        .build();
    strict.apply(asText, new WriteBatch(List.of(Row.of(asText.layout(), 1L, null)), List.of()));
    assertThatThrownBy(() -> strict.read(asText, KeyRange.all(), 10))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("day");
          assertThat(e.key()).isEqualTo(RowKey.of(1L));
        });
  }
}
