package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** Without allowLocalInfile the bulk path falls back to batched INSERTs of the same text forms. */
class MariaDbLocalInfileOffTest {
  private static ServerDatabase db;
  private static JdbcStore store;

  @BeforeAll
  static void createDatabase() throws SQLException {
    ServerDatabase.require(ServerDatabase.Kind.MARIADB);
    db = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_infile_off_test");
    db.execute("CREATE TABLE staged " + EdgeRows.COLUMNS, "CREATE TABLE direct " + EdgeRows.COLUMNS);
    String url;
    try (Connection c = db.dataSource().getConnection()) {
      url = c.getMetaData().getURL();
    }
    store = JdbcStore.of(new MariaDbDataSource(url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=false"));
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void edgeValuesRoundTripThroughTheStagedFallback() {
    assertRoundTrip("staged", false);
  }

  @Test
  void edgeValuesRoundTripThroughTheDirectFallback() {
    assertRoundTrip("direct", true);
  }

  private static void assertRoundTrip(String name, boolean newRows) {
    TableSchema table = store.table(TableId.of(name)).orElseThrow();
    List<Row> rows = new ArrayList<>(EdgeRows.rows(table.layout()));
    rows.addAll(EdgeRows.filler(table.layout(), 600));
    long loadsBefore = loads();
    store.apply(table, new WriteBatch(rows, List.of(), newRows));
    EdgeRows.assertSameRows(store.read(table, KeyRange.all(), 1000), rows);
    assertThat(loads()).isEqualTo(loadsBefore);
  }

  private static long loads() {
    return db.queryLong("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_LOAD'");
  }
}
