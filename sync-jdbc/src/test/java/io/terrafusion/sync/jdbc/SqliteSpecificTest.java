package io.terrafusion.sync.jdbc;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to SQLite: how values without a storage class of their own are stored. */
class SqliteSpecificTest {
  @TempDir Path directory;

  DataSource dataSource;
  JdbcStore store;
  TableSchema events;

  @BeforeEach
  void createStore() {
    dataSource = TestDatabases.sqlite(directory);
    TestDatabases.execute(dataSource,
        "CREATE TABLE \"events\" (\"id\" INTEGER PRIMARY KEY, \"day\" DATE, \"at\" DATETIME, \"done\" BOOLEAN)");
    store = JdbcStore.of(dataSource);
    events = store.table(TableId.of("events")).orElseThrow();
  }

  private List<String> raw(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      rs.next();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }

  @Test
  void datesAreIsoTextAndBooleansZeroOrOne() throws SQLException {
    store.apply(events, new WriteBatch(List.of(Row.of(events.layout(), 1L, LocalDate.of(2024, 2, 29),
        LocalDateTime.of(2024, 2, 29, 23, 59, 0, 500_000_000), true)), List.of()));
    assertThat(raw("SELECT typeof(\"day\"), \"day\", typeof(\"at\"), \"at\", typeof(\"done\"), \"done\" FROM \"events\""))
        .containsExactly("text", "2024-02-29", "text", "2024-02-29T23:59:00.5", "integer", "1");
  }

  @Test
  void readsSqliteOwnTimestampFormat() {
    TestDatabases.execute(dataSource, "INSERT INTO \"events\" VALUES (1, '2024-01-02', '2024-01-02 03:04:05', 0)");
    Row row = store.read(events, KeyRange.all(), 1).get(0);
    assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    assertThat(row.get("done")).isEqualTo(false);
  }

  @Test
  void textThatIsNoDateFailsNamingColumnAndKey() {
    TestDatabases.execute(dataSource, "INSERT INTO \"events\" VALUES (9, 'someday', NULL, NULL)");
    assertThatThrownBy(() -> store.read(events, KeyRange.all(), 1))
        .isInstanceOfSatisfying(ValueConversionException.class, e -> {
          assertThat(e.column()).isEqualTo("day");
          assertThat(e.key()).isEqualTo(RowKey.of(9L));
          assertThat(e.getMessage()).contains("events").doesNotContain("someday");
        });
  }

  @Test
  void uuidKeysAreTextInUnsignedByteOrder() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"docs\" (\"id\" UUID PRIMARY KEY, \"body\" JSON)");
    TableSchema docs = store.table(TableId.of("docs")).orElseThrow();
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    store.apply(docs, new WriteBatch(List.of(Row.of(docs.layout(), high, "{\"a\":1}"),
        Row.of(docs.layout(), low, null)), List.of()));
    assertThat(store.read(docs, KeyRange.all(), 10)).extracting(row -> row.get("id")).containsExactly(low, high);
  }
  @Test
  void nullKeyValueFailsNamingTheTable() {
    TestDatabases.execute(dataSource, "CREATE TABLE \"loose\" (\"k\" TEXT PRIMARY KEY, \"v\" INTEGER)",
        "INSERT INTO \"loose\" VALUES (NULL, 1)");
    TableSchema loose = store.table(TableId.of("loose")).orElseThrow();
    assertThatThrownBy(() -> store.read(loose, KeyRange.all(), 10))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("loose")
        .hasMessageContaining("NULL primary-key column");
  }

  @Test
  void busyAndConstraintResultCodesGetSqlStates() {
    assertThat(Dialects.sqlite().sqlState(new SQLException("busy", null, 5))).isEqualTo("40001");
    assertThat(Dialects.sqlite().sqlState(new SQLException("constraint", null, 19 | (3 << 8)))).isEqualTo("23000");
    assertThat(Dialects.sqlite().sqlState(new SQLException("given", "08006", 14))).isEqualTo("08006");
  }
}
