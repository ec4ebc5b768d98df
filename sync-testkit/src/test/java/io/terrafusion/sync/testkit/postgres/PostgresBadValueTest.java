package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values PostgreSQL cannot take fail their batch as a whole, with errors that name the row but not the value. */
class PostgresBadValueTest {
  private static final String SECRET = "secret";

  private ServerDatabase db;
  private JdbcStore store;
  private TableSchema items;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_bad_value_test");
    db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, code VARCHAR(8), small SMALLINT, amount NUMERIC(12,2))",
        "CREATE TABLE spans (id BIGINT PRIMARY KEY, span INTERVAL)");
    store = db.store();
    items = store.table(TableId.of("items")).orElseThrow();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void textTooLongForItsColumnFailsTheWholeBatchNamingTableAndSqlState() {
    List<Row> rows = List.of(item(1, "ok"), item(2, SECRET + "-too-long"), item(3, "ok"));
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(rows, List.of())))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("22001");
          assertThat(e.table()).isEqualTo(items.id());
          assertThat(e.key()).as("PgJDBC cannot tell which entry failed").isNull();
          assertThat(e.getMessage()).contains("items").doesNotContain(SECRET);
        });
    assertThat(db.count("items")).isZero();
  }

  @Test
  void textTooLongFailsTheWholeCopyBatch() {
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 1200; id++) {
      rows.add(item(id, id == 300 ? SECRET + "-too-long" : "ok"));
    }
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(rows, List.of())))
        .isInstanceOfSatisfying(DataAccessException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("22001");
          assertThat(e.getMessage()).contains("items").doesNotContain(SECRET);
        });
    assertThat(db.count("items")).isZero();
  }

  @Test
  void nulCharacterIsAValueConversionErrorNamingKeyAndColumn() {
    List<Row> rows = List.of(item(1, "ok"), item(2, "a\u0000" + SECRET));
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(rows, List.of())))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("code");
          assertThat(e.key()).isEqualTo(RowKey.of(2L));
          assertThat(e.getMessage()).contains("items", "String", "varchar").doesNotContain(SECRET);
        });
    assertThat(db.count("items")).isZero();
  }

  @Test
  void nulCharacterFailsTheCopyBatchNamingTableKeyAndColumn() {
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 1200; id++) {
      rows.add(item(id, id == 300 ? "a\u0000" + SECRET : "ok"));
    }
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(rows, List.of(), true)))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.table()).isEqualTo(items.id());
          assertThat(e.column()).isEqualTo("code");
          assertThat(e.key()).isEqualTo(RowKey.of(300L));
        })
        .hasMessageNotContaining(SECRET);
    assertThat(db.count("items")).isZero();
  }

  @Test
  void integerOutOfRangeOfItsColumnFailsTheBatch() {
    Row tooBig = Row.of(items.layout(), 1L, "ok", 40_000L, null);
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(List.of(tooBig), List.of())))
        .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
  }

  @Test
  void infiniteDoubleForANumericColumnIsAValueConversionError() {
    Row infinite = Row.of(items.layout(), 1L, "ok", null, Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> store.apply(items, new WriteBatch(List.of(infinite), List.of())))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("amount");
          assertThat(e.getMessage()).contains("Double", "numeric");
        });
  }

  @Test
  void storedNumericNaNCannotBeReadAndTheErrorNamesTheRow() {
    db.execute("ALTER TABLE items ALTER COLUMN amount TYPE NUMERIC", "INSERT INTO items (id, amount) VALUES (5, 'NaN')");
    store.refresh();
    TableSchema numeric = store.table(TableId.of("items")).orElseThrow();
    assertThatThrownBy(() -> store.read(numeric, KeyRange.all(), 10))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("amount");
          assertThat(e.key()).isEqualTo(RowKey.of(5L));
        });
  }

  @Test
  void intervalColumnsHaveNoHandlerAndSayWhich() {
    TableSchema spans = store.table(TableId.of("spans")).orElseThrow();
    assertThatThrownBy(() -> store.read(spans, KeyRange.all(), 10))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("span");
          assertThat(e.getMessage()).contains("interval", "no data type handler");
        });
  }

  private Row item(long id, String code) {
    return Row.of(items.layout(), id, code, 1L, new BigDecimal("9.99"));
  }
}
