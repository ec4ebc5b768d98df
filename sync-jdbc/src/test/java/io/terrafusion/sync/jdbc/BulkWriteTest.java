package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the store drives a dialect's bulk path, checked with a plain-SQL bulk writer on H2: which batches
 * take it, the direct load of new rows, the fall-back through staging when a key exists after all.
 */
class BulkWriteTest {
  private static final TableId ITEMS = TableId.of("ITEMS");

  private final RecordingBulkWriter bulk = new RecordingBulkWriter();
  private JdbcStore store;
  private TableSchema schema;

  @BeforeEach
  void createTable() throws SQLException {
    DataSource dataSource = TestDatabases.h2();
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(40))");
    }
    store = JdbcStore.builder(dataSource).dialect(new BulkH2(bulk)).build();
    schema = store.table(ITEMS).orElseThrow();
  }

  @Test
  void smallBatchesUseBatchedStatements() {
    store.apply(schema, new WriteBatch(rows(1, 3, "a"), List.of(), true));
    assertThat(bulk.loads).isEmpty();
    assertThat(names()).containsExactly("a", "a", "a");
  }

  @Test
  void newRowsAreLoadedStraightIntoTheTable() {
    store.apply(schema, new WriteBatch(rows(1, 10, "a"), List.of(), true));
    assertThat(bulk.loads).containsExactly("ITEMS");
    assertThat(names()).hasSize(10).containsOnly("a");
  }

  @Test
  void newRowsThatExistAfterAllFallBackToTheStagingMerge() {
    store.apply(schema, new WriteBatch(rows(5, 5, "old"), List.of()));
    store.apply(schema, new WriteBatch(rows(1, 10, "new"), List.of(), true));
    assertThat(bulk.loads).containsExactly("ITEMS", "tfsync_staging");
    assertThat(names()).hasSize(10).containsOnly("new");
  }

  @Test
  void otherBatchesGoThroughStagingAndAreIdempotent() {
    WriteBatch batch = new WriteBatch(rows(1, 10, "b"), List.of());
    store.apply(schema, batch);
    store.apply(schema, batch);
    assertThat(bulk.loads).containsExactly("tfsync_staging", "tfsync_staging");
    assertThat(names()).hasSize(10).containsOnly("b");
  }

  private List<Row> rows(long from, long to, String name) {
    return LongStream.rangeClosed(from, to).mapToObj(i -> Row.of(schema.layout(), i, name)).toList();
  }

  private List<Object> names() {
    return store.read(schema, KeyRange.all(), 100).stream().map(r -> r.get("NAME")).toList();
  }

  /** A bulk writer of plain batched INSERTs and an H2 MERGE, recording the tables it loads. */
  private static final class RecordingBulkWriter implements BulkWriter {
    final List<String> loads = new ArrayList<>();

    @Override
    public int threshold() {
      return 5;
    }

    @Override
    public void load(Connection connection, TableId table, List<Column> columns, List<Row> rows) throws SQLException {
      loads.add(table.name());
      String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.name() + " VALUES (" + marks + ")")) {
        for (Row row : rows) {
          for (int i = 0; i < columns.size(); i++) {
            insert.setObject(i + 1, row.get(i));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    @Override
    public String createStaging(TableId staging, TableId table, List<Column> columns) {
      return "CREATE LOCAL TEMPORARY TABLE " + staging.name() + " AS SELECT * FROM " + table.name() + " WHERE 1 = 0";
    }

    @Override
    public String mergeFromStaging(TableId table, TableId staging, List<Column> columns, List<Column> key) {
      return "MERGE INTO " + table.name() + " KEY (ID) SELECT * FROM " + staging.name();
    }

    @Override
    public String dropStaging(TableId staging) {
      return "DROP TABLE IF EXISTS " + staging.name();
    }
  }

  /** H2 with a bulk path. */
  private record BulkH2(BulkWriter writer) implements Dialect {
    @Override
    public String name() {
      return "h2-bulk";
    }

    @Override
    public int priority(DatabaseMetaData metaData) {
      return 0;
    }

    @Override
    public DataTypeHandlers typeHandlers() {
      return Dialects.h2().typeHandlers();
    }

    @Override
    public String upsert(TableId table, List<Column> columns, List<Column> key) {
      return Dialects.h2().upsert(table, columns, key);
    }

    @Override
    public Optional<BulkWriter> bulkWriter() {
      return Optional.of(writer);
    }
  }
}
