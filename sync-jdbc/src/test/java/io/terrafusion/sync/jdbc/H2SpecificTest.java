package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.spi.WriteBatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to H2: upper-cased names, UUID and JSON, exact decimals, schemas, detection. */
class H2SpecificTest {
  DataSource dataSource;
  JdbcStore store;

  @BeforeEach
  void createStore() {
    dataSource = TestDatabases.h2();
    store = JdbcStore.of(dataSource);
  }

  @Test
  void unquotedIdentifiersAreReportedUpperCase() {
    TestDatabases.execute(dataSource, "CREATE TABLE plain (id INT PRIMARY KEY, name VARCHAR(5))");
    assertThat(store.tables()).containsExactly(TableId.of("PLAIN"));
    assertThat(store.table(TableId.of("PLAIN")).orElseThrow().columns()).extracting(Column::name)
        .containsExactly("ID", "NAME");
    assertThat(store.table(TableId.of("plain"))).isEmpty();
  }

  @Test
  void failingBatchNamesTheKeyOfTheFailingRow() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"t\" (\"id\" BIGINT PRIMARY KEY, \"q\" INT CHECK (\"q\" >= 0))");
    TableSchema t = store.table(TableId.of("t")).orElseThrow();
    WriteBatch batch = new WriteBatch(List.of(Row.of(t.layout(), 1L, 1L), Row.of(t.layout(), 2L, -1L),
        Row.of(t.layout(), 3L, 1L)), List.of());
    assertThatThrownBy(() -> store.apply(t, batch))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.key()).isEqualTo(RowKey.of(2L));
          assertThat(e.sqlState()).isEqualTo("23513");
          assertThat(e.getMessage()).contains("row (2)");
        });
  }

  @Test
  void foreignKeysKeepTheirConstraintNames() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"p\" (\"id\" INT PRIMARY KEY)",
        "CREATE TABLE \"c\" (\"id\" INT PRIMARY KEY, \"p\" INT, CONSTRAINT \"fk_p\" FOREIGN KEY (\"p\") REFERENCES \"p\" (\"id\"))");
    assertThat(store.table(TableId.of("c")).orElseThrow().foreignKeys()).extracting(ForeignKey::name)
        .containsExactly("fk_p");
  }

  @Test
  void uuidKeysOrderAsUnsignedBytesAndJsonRoundTrips() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"docs\" (\"id\" UUID PRIMARY KEY, \"body\" JSON)");
    TableSchema docs = store.table(TableId.of("docs")).orElseThrow();
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    store.apply(docs, new WriteBatch(List.of(Row.of(docs.layout(), high, "{\"a\":[1,\"x\"]}"),
        Row.of(docs.layout(), low, "\"just a string\""), Row.of(docs.layout(), UUID.fromString(
            "80000000-0000-0000-0000-000000000000"), null)), List.of()));
    List<Row> rows = store.read(docs, KeyRange.all(), 10);
    assertThat(rows).extracting(row -> row.get("id"))
        .containsExactly(low, UUID.fromString("80000000-0000-0000-0000-000000000000"), high);
    assertThat(rows).extracting(row -> row.get("body"))
        .containsExactly("\"just a string\"", null, "{\"a\":[1,\"x\"]}");
  }

  @Test
  void decimalsKeepEveryDigit() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"money\" (\"id\" INT PRIMARY KEY, \"amount\" DECIMAL(40,10))");
    TableSchema money = store.table(TableId.of("money")).orElseThrow();
    BigDecimal amount = new BigDecimal("123456789012345678901234567890.1234567890");
    store.apply(money, new WriteBatch(List.of(Row.of(money.layout(), 1L, amount)), List.of()));
    assertThat(store.read(money, KeyRange.all(), 1).get(0).get("amount")).isEqualTo(amount);
  }

  @Test
  void notANumberRoundTrips() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"f\" (\"id\" INT PRIMARY KEY, \"v\" DOUBLE PRECISION)");
    TableSchema f = store.table(TableId.of("f")).orElseThrow();
    store.apply(f, new WriteBatch(List.of(Row.of(f.layout(), 1L, Double.NaN)), List.of()));
    assertThat((Double) store.read(f, KeyRange.all(), 1).get(0).get("v")).isNaN();
  }

  @Test
  void configuredSchemaIsListedAndWritten() {
    TestDatabases.execute(dataSource, "CREATE SCHEMA \"other\"",
        "CREATE TABLE \"other\".\"t\" (\"id\" INT PRIMARY KEY)", "CREATE TABLE \"t\" (\"id\" INT PRIMARY KEY, \"x\" INT)");
    JdbcStore other = JdbcStore.builder(dataSource).schema("other").build();
    assertThat(other.tables()).containsExactly(TableId.of("other", "t"));
    TableSchema t = other.table(TableId.of("t")).orElseThrow();
    assertThat(t.columns()).extracting(Column::name).containsExactly("id");
    other.apply(t, new WriteBatch(List.of(Row.of(t.layout(), 5L)), List.of()));
    assertThat(other.read(t, KeyRange.all(), 10)).hasSize(1);
    assertThat(store.read(store.table(TableId.of("t")).orElseThrow(), KeyRange.all(), 10)).isEmpty();
  }

  @Test
  void unknownDatabaseIsReportedWithItsProductName() {
    assertThatThrownBy(() -> JdbcStore.builder(dataSource).dialects(List.of(Dialects.sqlite())).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("no dialect handles database product H2")
        .hasMessageContaining("sqlite");
  }

  @Test
  void givenDialectSkipsDetection() {
    JdbcStore given = JdbcStore.builder(dataSource).dialect(Dialects.h2()).dialects(List.of(Dialects.sqlite())).build();
    assertThat(given.dialect()).isSameAs(Dialects.h2());
  }

  @Test
  void builderReportsEveryProblemTogether() {
    JdbcStore.Builder builder = JdbcStore.builder(dataSource).name(" ").schema(" ").dialects(List.of());
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "name must not be blank", "schema must be non-blank and free of NUL characters",
            "dialects must not be empty"));
  }
  @Test
  void columnWithoutHandlerFailsNamingTableAndColumn() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"arr\" (\"id\" INT PRIMARY KEY, \"tags\" INT ARRAY)");
    TableSchema arr = store.table(TableId.of("arr")).orElseThrow();
    assertThatThrownBy(() -> store.read(arr, KeyRange.all(), 1))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("tags");
          assertThat(e.getMessage()).contains("arr").contains("no data type handler");
        });
  }
  @Test
  void concurrentBatchesFromManyThreadsAllApply() throws Exception {
    TestDatabases.execute(dataSource, "CREATE TABLE \"n\" (\"id\" BIGINT PRIMARY KEY, \"v\" BIGINT)");
    TableSchema n = store.table(TableId.of("n")).orElseThrow();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = t * 100L;
        done.add(pool.submit(() -> {
          start.await();
          for (long i = base; i < base + 100; i += 10) {
            List<Row> rows = new ArrayList<>();
            for (long j = i; j < i + 10; j++) {
              rows.add(Row.of(n.layout(), j, j * 2));
            }
            store.apply(n, new WriteBatch(rows, List.of()));
            assertThat(store.fetch(n, rows.stream().map(Row::key).toList())).hasSize(10);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.read(n, KeyRange.all(), 10_000)).hasSize(threads * 100)
        .allSatisfy(row -> assertThat(row.get("v")).isEqualTo((Long) row.get("id") * 2));
  }
}
