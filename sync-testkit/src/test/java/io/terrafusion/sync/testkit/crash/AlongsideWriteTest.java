package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On MariaDB (batched statements, LOAD DATA into the table, LOAD DATA through a staging table), H2 and
 * SQLite: the writes given with a batch run in its transaction, so a failing one leaves nothing of the
 * batch, and the JDBC state store's checkpoint write commits with it.
 */
class AlongsideWriteTest {
  private static final TableId ITEMS = TableId.of("items");

  private TestDatabase db;

  static Stream<Arguments> databases() {
    return Stream.of("mariadb", "h2", "sqlite").flatMap(database -> Stream.of(
        Arguments.of(database, 3, false), Arguments.of(database, 1_500, true), Arguments.of(database, 1_500, false)));
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest(name = "{0}: {1} rows, all new: {2}")
  @MethodSource("databases")
  void aFailingWriteLeavesNothingOfTheBatch(String database, int rows, boolean newRows) {
    JdbcStore store = open(database);
    JdbcStateStore state = JdbcStateStore.create(db.dataSource());
    TableSchema items = store.table(ITEMS).orElseThrow();
    TransactionalWrite failing = connection -> {
      throw new SQLException("refused after the batch", "XX000");
    };

    assertThatThrownBy(() -> store.apply(items, batch(items, rows, newRows),
        List.of(state.checkpointWrite(checkpoint(), store).orElseThrow(), failing)))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("items");

    assertThat(db.count("items")).isZero();
    assertThat(state.checkpoint(ITEMS, "test")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} rows, all new: {2}")
  @MethodSource("databases")
  void theCheckpointWriteCommitsWithTheBatch(String database, int rows, boolean newRows) {
    JdbcStore store = open(database);
    JdbcStateStore state = JdbcStateStore.create(db.dataSource());
    TableSchema items = store.table(ITEMS).orElseThrow();

    store.apply(items, batch(items, rows, newRows), List.of(state.checkpointWrite(checkpoint(), store).orElseThrow()));

    assertThat(db.count("items")).isEqualTo(rows);
    assertThat(state.checkpoint(ITEMS, "test")).contains(checkpoint());
  }

  private JdbcStore open(String database) {
    db = switch (database) {
      case "mariadb" -> {
        ServerDatabase.require(Kind.MARIADB);
        yield ServerDatabase.create(Kind.MARIADB, "tfcrash_alongside");
      }
      case "h2" -> EmbeddedDatabase.h2();
      default -> EmbeddedDatabase.sqlite();
    };
    db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
    return db.store();
  }

  private static WriteBatch batch(TableSchema items, int count, boolean newRows) {
    List<Row> rows = new ArrayList<>(count);
    for (long id = 1; id <= count; id++) {
      rows.add(Row.of(items.layout(), id, "item " + id));
    }
    return new WriteBatch(rows, List.of(), newRows);
  }

  private static Checkpoint checkpoint() {
    return new Checkpoint(ITEMS, "test", "[[\"Long\",\"7\"]]");
  }
}
