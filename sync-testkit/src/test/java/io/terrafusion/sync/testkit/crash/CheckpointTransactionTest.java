package io.terrafusion.sync.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On PostgreSQL, a checkpoint written by the JDBC state store in the target database commits with the
 * batch or not at all, on every write path: batched upserts, COPY straight into the table, and COPY
 * into a staging table with a merge. A deferred constraint trigger refuses a marker row at commit,
 * after the data statements and the checkpoint ran.
 */
class CheckpointTransactionTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final String MARKER = CommitRefusal.MARKER;

  private ServerDatabase db;
  private JdbcStore store;
  private JdbcStateStore state;
  private TableSchema items;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfcrash_checkpoint_tx");
    db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
    CommitRefusal.install(db);
    store = db.store();
    state = JdbcStateStore.create(db.dataSource());
    items = store.table(ITEMS).orElseThrow();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @EnumSource(WritePath.class)
  void aBatchRefusedAtCommitLeavesNeitherItsRowsNorItsCheckpoint(WritePath path) {
    state.saveCheckpoint(checkpoint("before"));
    int rows = path.rows(store);
    WriteBatch batch = new WriteBatch(rows(rows, rows / 2), List.of(), path.newRows);

    assertThatThrownBy(() -> store.apply(items, batch, List.of(write(checkpoint("after")))))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("items");

    assertThat(db.count("items")).isZero();
    assertThat(state.checkpoint(ITEMS, "test").orElseThrow().position()).isEqualTo("before");
  }

  @ParameterizedTest
  @EnumSource(WritePath.class)
  void aCommittedBatchCarriesItsCheckpoint(WritePath path) {
    state.saveCheckpoint(checkpoint("before"));
    int rows = path.rows(store);

    store.apply(items, new WriteBatch(rows(rows, -1), List.of(), path.newRows), List.of(write(checkpoint("after"))));

    assertThat(db.count("items")).isEqualTo(rows);
    assertThat(state.checkpoint(ITEMS, "test").orElseThrow().position()).isEqualTo("after");
  }

  @Test
  void aWriteAloneCommitsInATransactionOfItsOwn() {
    store.apply(items, new WriteBatch(List.of(), List.of()), List.of(write(checkpoint("alone"))));

    assertThat(state.checkpoint(ITEMS, "test").orElseThrow().position()).isEqualTo("alone");
  }

  @Test
  void onlyAStoreOverTheSameDataSourceObjectGetsACheckpointWrite() {
    JdbcStore sameUrlOtherObject = JdbcStore.of(new DriverManagerDataSource(url()));

    assertThat(state.checkpointWrite(checkpoint("x"), store)).isPresent();
    assertThat(state.checkpointWrite(checkpoint("x"), sameUrlOtherObject)).isEmpty();
    assertThat(JdbcStateStore.create(new DriverManagerDataSource(url())).checkpointWrite(checkpoint("x"), store))
        .isEmpty();
  }

  /** The ways a store writes a batch: which one it takes follows from the batch's size and hint. */
  enum WritePath {
    STATEMENTS(false),
    COPY_INTO_TABLE(true),
    COPY_THROUGH_STAGING(false);

    final boolean newRows;

    WritePath(boolean newRows) {
      this.newRows = newRows;
    }

    int rows(JdbcStore store) {
      return this == STATEMENTS ? 3 : store.dialect().bulkWriter().orElseThrow().threshold() + 10;
    }
  }

  private TransactionalWrite write(Checkpoint checkpoint) {
    return state.checkpointWrite(checkpoint, store).orElseThrow();
  }

  private static Checkpoint checkpoint(String position) {
    return new Checkpoint(ITEMS, "test", position);
  }

  /** Rows 1..count, the one at {@code marker} (if any) carrying the name the trigger refuses. */
  private List<Row> rows(int count, int marker) {
    List<Row> rows = new ArrayList<>(count);
    for (long id = 1; id <= count; id++) {
      rows.add(Row.of(items.layout(), id, id == marker ? MARKER : "item " + id));
    }
    return rows;
  }

  private String url() {
    String server = Kind.POSTGRESQL.url();
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + db.name();
  }
}
