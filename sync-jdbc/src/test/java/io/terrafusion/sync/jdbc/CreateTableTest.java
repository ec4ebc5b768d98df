package io.terrafusion.sync.jdbc;

import static io.terrafusion.sync.jdbc.TypeRoundTripContract.TYPES;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.TYPES_DDL;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.assertSameValues;
import static io.terrafusion.sync.jdbc.TypeRoundTripContract.fullRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables created from a schema introspected on the other dialect have its types, key and NOT NULLs. */
class CreateTableTest {
  private static final TableId LEVIES = TableId.of("levies");
  private static final String LEVIES_DDL = "CREATE TABLE \"levies\" (\"district\" VARCHAR(20) NOT NULL,"
      + " \"year\" INTEGER NOT NULL, \"rate\" DECIMAL(9,4) NOT NULL, \"note\" VARCHAR(200),"
      + " PRIMARY KEY (\"year\", \"district\"))";

  @TempDir Path directory;

  DataSource h2Source;
  DataSource sqliteSource;
  JdbcStore h2;
  JdbcStore sqlite;

  @BeforeEach
  void createStores() {
    h2Source = TestDatabases.h2();
    sqliteSource = TestDatabases.sqlite(directory);
    h2 = JdbcStore.of(h2Source);
    sqlite = JdbcStore.of(sqliteSource);
  }

  @Test
  void h2TableCreatedOnSqliteKeepsKeyOrderAndNotNulls() {
    TestDatabases.execute(h2Source, LEVIES_DDL);
    TableSchema original = h2.table(LEVIES).orElseThrow();

    sqlite.createTable(original);

    TableSchema created = sqlite.table(LEVIES).orElseThrow();
    assertThat(created.primaryKey()).containsExactly("year", "district");
    assertThat(created.columns()).extracting(Column::name, Column::nullable)
        .containsExactlyElementsOf(original.columns().stream().map(c -> tuple(c.name(), c.nullable())).toList());
    assertThat(created.column("rate").orElseThrow().jdbcType()).isIn(JDBCType.NUMERIC, JDBCType.DECIMAL);
  }

  @Test
  void sqliteTableCreatedOnH2KeepsTypesKeyOrderAndNotNulls() {
    TestDatabases.execute(sqliteSource, LEVIES_DDL);
    TableSchema original = sqlite.table(LEVIES).orElseThrow();

    h2.createTable(original);

    TableSchema created = h2.table(LEVIES).orElseThrow();
    assertThat(created.primaryKey()).containsExactly("year", "district");
    assertThat(created.columns()).extracting(Column::name, Column::jdbcType, Column::nullable).containsExactly(
        tuple("district", JDBCType.VARCHAR, false),
        tuple("year", JDBCType.BIGINT, false),
        tuple("rate", JDBCType.DECIMAL, false),
        tuple("note", JDBCType.VARCHAR, true));
    assertThat(created.column("district").orElseThrow().size()).isEqualTo(20);
    // sqlite-jdbc reports DECIMAL(9,4) with precision plus scale as its size, so the created column is wider.
    assertThat(created.column("rate").orElseThrow().size()).isGreaterThanOrEqualTo(9);
    assertThat(created.column("rate").orElseThrow().scale()).isEqualTo(4);
  }

  @Test
  void everyCanonicalTypeCreatedOnSqliteFromH2RoundTrips() {
    TestDatabases.execute(h2Source, TYPES_DDL);
    roundTrip(h2, sqlite);
  }

  @Test
  void everyCanonicalTypeCreatedOnH2FromSqliteRoundTrips() {
    TestDatabases.execute(sqliteSource, TYPES_DDL);
    roundTrip(sqlite, h2);
  }

  @Test
  void everyCanonicalTypeCreatedOnH2FromH2KeepsItsJdbcTypes() {
    TestDatabases.execute(h2Source, TYPES_DDL);
    JdbcStore other = JdbcStore.of(TestDatabases.h2());
    TableSchema original = h2.table(TYPES).orElseThrow();

    other.createTable(original);

    assertThat(other.table(TYPES).orElseThrow().columns()).extracting(Column::name, Column::jdbcType, Column::size, Column::scale)
        .containsExactlyElementsOf(original.columns().stream()
            .map(c -> tuple(c.name(), c.jdbcType(), c.size(), c.scale())).toList());
  }

  @Test
  void creatingATableThatExistsFailsNamingIt() {
    TestDatabases.execute(h2Source, LEVIES_DDL);
    TableSchema levies = h2.table(LEVIES).orElseThrow();

    assertThatThrownBy(() -> h2.createTable(levies)).isInstanceOf(DataAccessException.class).hasMessageContaining("levies");
  }

  @Test
  void columnTypeWithoutMappingFailsNamingTableAndColumn() {
    TableSchema odd = new TableSchema(TableId.of("odd"),
        List.of(Column.of("id", JDBCType.BIGINT), Column.of("shape", JDBCType.STRUCT)), List.of("id"), List.of());

    assertThatThrownBy(() -> h2.createTable(odd)).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("odd").hasMessageContaining("shape").hasMessageContaining("STRUCT");
    assertThat(h2.table(TableId.of("odd"))).isEmpty();
  }

  private static void roundTrip(JdbcStore from, JdbcStore to) {
    TableSchema source = from.table(TYPES).orElseThrow();
    Row row = fullRow(source, 1);
    from.apply(source, new WriteBatch(List.of(row), List.of()));

    to.createTable(source);

    TableSchema target = to.table(TYPES).orElseThrow();
    assertThat(target.primaryKey()).containsExactly("id");
    List<Row> read = from.read(source, KeyRange.all(), 10);
    to.apply(target, new WriteBatch(List.of(Row.of(target.layout(), read.get(0).values())), List.of()));
    assertSameValues(to.read(target, KeyRange.all(), 10).get(0), row);
  }
}
