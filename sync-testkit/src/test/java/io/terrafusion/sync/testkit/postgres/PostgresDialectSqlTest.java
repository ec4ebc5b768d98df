package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.Dialects;
import io.terrafusion.sync.jdbc.spi.BulkWriter;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.JDBCType;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL the PostgreSQL dialect writes, checked without a server. */
class PostgresDialectSqlTest {
  private static final Dialect PG = Dialects.postgresql();
  private static final Column ID = Column.of("id", JDBCType.BIGINT);
  private static final Column CODE = new Column("code", JDBCType.VARCHAR, "varchar", 10, 0, false);
  private static final Column MOOD = new Column("mood", JDBCType.VARCHAR, "mood", 0, 0, true);
  private static final Column DOC = new Column("doc", JDBCType.OTHER, "json", 0, 0, true);
  private static final TableId T = TableId.of("s", "t");

  @Test
  void isABuiltInDialect() {
    assertThat(Dialects.builtIns()).contains(PG);
    assertThat(PG.name()).isEqualTo("postgresql");
  }

  @Test
  void stringKeysCompareUnderTheCCollation() {
    assertThat(PG.keyExpression(CODE, "?")).isEqualTo("? COLLATE \"C\"");
    assertThat(PG.keyExpression(MOOD, "\"mood\"")).isEqualTo("CAST(\"mood\" AS text) COLLATE \"C\"");
    assertThat(PG.keyExpression(ID, "\"id\"")).isEqualTo("\"id\"");
  }

  @Test
  void upsertOverwritesOnlyRowsThatDiffer() {
    assertThat(PG.upsert(T, List.of(ID, CODE, DOC), List.of(ID))).isEqualTo(
        "INSERT INTO \"s\".\"t\" AS tfsync_target (\"id\", \"code\", \"doc\") VALUES (?, ?, ?)"
            + " ON CONFLICT (\"id\") DO UPDATE SET \"code\" = EXCLUDED.\"code\", \"doc\" = EXCLUDED.\"doc\""
            + " WHERE ROW(tfsync_target.\"code\", CAST(tfsync_target.\"doc\" AS text))"
            + " IS DISTINCT FROM ROW(EXCLUDED.\"code\", CAST(EXCLUDED.\"doc\" AS text))");
  }

  @Test
  void upsertOfKeyColumnsOnlyDoesNothingOnConflict() {
    assertThat(PG.upsert(T, List.of(ID, CODE), List.of(ID, CODE))).isEqualTo(
        "INSERT INTO \"s\".\"t\" AS tfsync_target (\"id\", \"code\") VALUES (?, ?) ON CONFLICT (\"id\", \"code\") DO NOTHING");
  }

  @Test
  void stagingIsATemporaryCopyOfTheColumnsDroppedAtCommit() {
    BulkWriter bulk = PG.bulkWriter().orElseThrow();
    assertThat(bulk.createStaging(TableId.of("tfsync_staging"), T, List.of(ID, CODE))).isEqualTo(
        "CREATE TEMPORARY TABLE \"tfsync_staging\" ON COMMIT DROP AS SELECT \"id\", \"code\" FROM \"s\".\"t\" WITH NO DATA");
    assertThat(bulk.mergeFromStaging(T, TableId.of("tfsync_staging"), List.of(ID, CODE), List.of(ID))).isEqualTo(
        "INSERT INTO \"s\".\"t\" AS tfsync_target (\"id\", \"code\") SELECT \"id\", \"code\" FROM \"tfsync_staging\""
            + " ON CONFLICT (\"id\") DO UPDATE SET \"code\" = EXCLUDED.\"code\""
            + " WHERE ROW(tfsync_target.\"code\") IS DISTINCT FROM ROW(EXCLUDED.\"code\")");
    assertThat(bulk.dropStaging(TableId.of("tfsync_staging"))).isEqualTo("DROP TABLE IF EXISTS pg_temp.\"tfsync_staging\"");
  }

  @Test
  void driverTypesAreCorrectedWhereTheyMislead() {
    assertThat(PG.jdbcType(Types.BIT, "bool")).isEqualTo(JDBCType.BOOLEAN);
    assertThat(PG.jdbcType(Types.TIMESTAMP, "timestamptz")).isEqualTo(JDBCType.TIMESTAMP_WITH_TIMEZONE);
    assertThat(PG.jdbcType(Types.DOUBLE, "money")).isEqualTo(JDBCType.OTHER);
    assertThat(PG.jdbcType(Types.BIT, "bit")).isEqualTo(JDBCType.OTHER);
    assertThat(PG.jdbcType(Types.VARCHAR, "text")).isEqualTo(JDBCType.VARCHAR);
  }

  @Test
  void noBuiltInHandlerTakesIntervalsArraysOrMoney() {
    assertThat(PG.typeHandlers().find(new Column("span", JDBCType.OTHER, "interval", 0, 0, true))).isEmpty();
    assertThat(PG.typeHandlers().find(new Column("ids", JDBCType.ARRAY, "_int4", 0, 0, true))).isEmpty();
    assertThat(PG.typeHandlers().find(new Column("price", PG.jdbcType(Types.DOUBLE, "money"), "money", 0, 0, true)))
        .isEmpty();
  }
}
