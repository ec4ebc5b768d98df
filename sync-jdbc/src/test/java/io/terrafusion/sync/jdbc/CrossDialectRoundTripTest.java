package io.terrafusion.sync.jdbc;

import static io.terrafusion.sync.jdbc.TypeRoundTripContract.TYPES;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.TYPES_DDL;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.assertSameValues;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.fullRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read from one dialect and written to the other arrive with the same canonical values. */
class CrossDialectRoundTripTest {
  @TempDir Path directory;

  JdbcStore h2;
  JdbcStore sqlite;

  @BeforeEach
  void createStores() {
    DataSource h2Source = TestDatabases.h2();
    DataSource sqliteSource = TestDatabases.sqlite(directory);
    TestDatabases.execute(h2Source, TYPES_DDL);
    TestDatabases.execute(sqliteSource, TYPES_DDL);
    h2 = JdbcStore.of(h2Source);
    sqlite = JdbcStore.of(sqliteSource);
  }

  private static List<Row> copy(JdbcStore from, JdbcStore to, List<Row> rows) {
    TableSchema source = from.table(TYPES).orElseThrow();
    TableSchema target = to.table(TYPES).orElseThrow();
    from.apply(source, new WriteBatch(rows, List.of()));
    to.apply(target, new WriteBatch(from.read(source, KeyRange.all(), 100), List.of()));
    return to.read(target, KeyRange.all(), 100);
  }

  private static List<Row> sampleRows(JdbcStore store) {
    TableSchema schema = store.table(TYPES).orElseThrow();
    return List.of(fullRow(schema, 1),
        Row.of(schema.layout(), 2L, null, "", "", null, null, false, null, null, null, null, new byte[0], null));
  }

  @Test
  void h2RowsArriveInSqliteUnchanged() {
    List<Row> written = sampleRows(h2);
    List<Row> arrived = copy(h2, sqlite, written);
    assertThat(arrived).hasSize(2);
    assertSameValues(arrived.get(0), written.get(0));
    assertSameValues(arrived.get(1), written.get(1));
  }

  @Test
  void sqliteRowsArriveInH2Unchanged() {
    List<Row> written = sampleRows(sqlite);
    List<Row> arrived = copy(sqlite, h2, written);
    assertThat(arrived).hasSize(2);
    assertSameValues(arrived.get(0), written.get(0));
    assertSameValues(arrived.get(1), written.get(1));
  }
}
