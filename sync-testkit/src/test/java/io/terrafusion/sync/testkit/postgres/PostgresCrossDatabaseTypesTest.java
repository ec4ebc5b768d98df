package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values of every canonical type synced between H2 and PostgreSQL, each side with its own spelling of
 * the types; a second sync finding nothing to change shows both sides read the values back equal.
 */
class PostgresCrossDatabaseTypesTest {
  private static final TableId VALUES = TableId.of("vals");
  private static final String H2_DDL = "CREATE TABLE vals (id BIGINT PRIMARY KEY, k VARCHAR(20) NOT NULL UNIQUE,"
      + " i SMALLINT, d DECIMAL(20,6), f DOUBLE PRECISION, r REAL, b BOOLEAN, s VARCHAR(100), c CLOB, dt DATE,"
      + " tm TIME(6), ts TIMESTAMP(6), tz TIMESTAMP(6) WITH TIME ZONE, bin VARBINARY(100), bl BLOB, u UUID, j JSON)";
  private static final String PG_DDL = "CREATE TABLE vals (id BIGINT PRIMARY KEY, k VARCHAR(20) NOT NULL UNIQUE,"
      + " i SMALLINT, d NUMERIC(20,6), f DOUBLE PRECISION, r REAL, b BOOLEAN, s VARCHAR(100), c TEXT, dt DATE,"
      + " tm TIME(6), ts TIMESTAMP(6), tz TIMESTAMPTZ, bin BYTEA, bl BYTEA, u UUID, j JSONB)";

  private ServerDatabase postgres;
  private EmbeddedDatabase h2;

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(Kind.POSTGRESQL);
    postgres = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_cross_types_test");
    h2 = EmbeddedDatabase.h2();
    postgres.execute(PG_DDL);
    h2.execute(H2_DDL);
  }

  @AfterEach
  void dropDatabases() {
    if (h2 != null) {
      h2.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void valuesFromH2ReachPostgresAndReadBackEqual() {
    syncsUntilEqual(h2, postgres);
  }

  @Test
  void valuesFromPostgresReachH2AndReadBackEqual() {
    syncsUntilEqual(postgres, h2);
  }

  private static void syncsUntilEqual(TestDatabase source, TestDatabase target) {
    TableSchema schema = source.store().table(VALUES).orElseThrow();
    source.store().apply(schema, new WriteBatch(rows(schema), List.of()));
    try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).build()) {
      SyncReport first = engine.run(SyncRequest.full());
      assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(first.inserted()).isEqualTo(4);
      SyncAssertions.assertSameRows(source.store(), target.store(), List.of(VALUES));
      assertThat(engine.run(SyncRequest.full()).changed()).isZero();
    }
  }

  private static List<Row> rows(TableSchema schema) {
    List<Row> rows = new ArrayList<>();
    rows.add(row(schema, 1, Map.ofEntries(Map.entry("k", "a"), Map.entry("i", -32768L),
        Map.entry("d", new BigDecimal("-12345678901234.123456")), Map.entry("f", Double.NaN), Map.entry("r", 1.1),
        Map.entry("b", true), Map.entry("s", "tab\t\\ \uD83D\uDE00"), Map.entry("c", "x".repeat(100_000)),
        Map.entry("dt", LocalDate.of(2024, 2, 29)), Map.entry("tm", LocalTime.of(23, 59, 59, 999_999_000)),
        Map.entry("ts", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1_000)),
        Map.entry("tz", Instant.parse("2024-03-01T10:15:30.123456Z")), Map.entry("bin", new byte[] {0, -1, 127}),
        Map.entry("bl", new byte[5000]), Map.entry("u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        Map.entry("j", "{\"a\":[1,2.5,null],\"b\":{\"c\":\"\u00fc\"}}"))));
    rows.add(row(schema, 2, Map.of("k", "A", "f", Double.NEGATIVE_INFINITY, "r", Double.POSITIVE_INFINITY,
        "b", false, "s", "", "bin", new byte[0], "j", "[]")));
    rows.add(row(schema, 3, Map.of("k", "\u00e4", "f", -0.000001, "r", 3.0e38)));
    rows.add(row(schema, 4, Map.of("k", "\uFFFD")));
    return rows;
  }

  private static Row row(TableSchema schema, long id, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("id", id);
    return Row.fromMap(schema.layout(), all);
  }
}
