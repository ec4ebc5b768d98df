package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.internal.PositionalSqlParser;
import java.sql.JDBCType;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;

/** The SQL the built-in dialects write, and how the stores parse it for JDBI. */
class DialectTest {
  static final Column A = Column.of("a", JDBCType.BIGINT);
  static final Column B = Column.of("b", JDBCType.VARCHAR);
  static final Column V = Column.of("v", JDBCType.BIGINT);

  @Test
  void quoteDoublesEmbeddedQuotes() {
    assertThat(Dialects.sqlite().quote("odd \"name\"")).isEqualTo("\"odd \"\"name\"\"\"");
  }

  @Test
  void quoteRejectsBlankIdentifiers() {
    assertThatThrownBy(() -> Dialects.h2().quote(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void qualifyQuotesSchemaAndName() {
    assertThat(Dialects.h2().qualify(TableId.of("s", "t"))).isEqualTo("\"s\".\"t\"");
  }

  @Test
  void pageQueryWritesTheRowValueComparisonOut() {
    assertThat(Dialects.sqlite().selectPage(TableId.of("t"), List.of(A, B, V), List.of(A, B), true, true))
        .isEqualTo("SELECT \"a\", \"b\", \"v\" FROM \"t\" WHERE ((\"a\" > ?) OR (\"a\" = ? AND \"b\" > ?))"
            + " AND ((\"a\" < ?) OR (\"a\" = ? AND \"b\" <= ?)) ORDER BY \"a\", \"b\" LIMIT ?");
  }

  @Test
  void h2ComparesStringKeysByTheirUtf8Bytes() {
    assertThat(Dialects.h2().selectPage(TableId.of("t"), List.of(B), List.of(B), true, false))
        .isEqualTo("SELECT \"b\" FROM \"t\" WHERE ((STRINGTOUTF8(\"b\") > STRINGTOUTF8(?)))"
            + " ORDER BY STRINGTOUTF8(\"b\") LIMIT ?");
  }

  @Test
  void fetchQueryMatchesEachKey() {
    assertThat(Dialects.sqlite().selectByKeys(TableId.of("t"), List.of(A, B), List.of(A, B), 2))
        .isEqualTo("SELECT \"a\", \"b\" FROM \"t\" WHERE (\"a\" = ? AND \"b\" = ?) OR (\"a\" = ? AND \"b\" = ?)"
            + " ORDER BY \"a\", \"b\"");
  }

  @Test
  void h2UpsertIsMergeOnTheKey() {
    assertThat(Dialects.h2().upsert(TableId.of("t"), List.of(A, V), List.of(A)))
        .isEqualTo("MERGE INTO \"t\" (\"a\", \"v\") KEY (\"a\") VALUES (?, ?)");
  }

  @Test
  void sqliteUpsertUpdatesNonKeyColumnsFromExcluded() {
    assertThat(Dialects.sqlite().upsert(TableId.of("t"), List.of(A, V), List.of(A)))
        .isEqualTo("INSERT INTO \"t\" (\"a\", \"v\") VALUES (?, ?) ON CONFLICT (\"a\") DO UPDATE SET \"v\" = excluded.\"v\"");
  }

  @Test
  void sqliteUpsertOfOnlyKeyColumnsDoesNothingOnConflict() {
    assertThat(Dialects.sqlite().upsert(TableId.of("t"), List.of(A, B), List.of(A, B)))
        .endsWith("ON CONFLICT (\"a\", \"b\") DO NOTHING");
  }

  @Test
  void sqliteMapsDeclaredTypeNamesByAffinity() {
    assertThat(List.of("VARCHAR(5)", "UNSIGNED BIG INT", "", "datetime", "TIMESTAMP(6) WITH TIME ZONE",
            "NUMERIC(10,2)", "FLOAT", "MEDIUMTEXT", "BOOLEAN", "BLOB", "DECIMAL(20, 6)"))
        .extracting(name -> Dialects.sqlite().jdbcType(Types.VARCHAR, name))
        .containsExactly(JDBCType.VARCHAR, JDBCType.BIGINT, JDBCType.BLOB, JDBCType.TIMESTAMP,
            JDBCType.TIMESTAMP_WITH_TIMEZONE, JDBCType.NUMERIC, JDBCType.DOUBLE, JDBCType.VARCHAR, JDBCType.BOOLEAN,
            JDBCType.BLOB, JDBCType.DECIMAL);
  }
  @Test
  void quotedQuestionMarksAndColonsAreNotParameters() {
    ParsedSql parsed = PositionalSqlParser.install(Jdbi.create("jdbc:h2:mem:unused"))
        .getConfig(SqlStatements.class).getSqlParser()
        .parse("SELECT \"a?\"\"b:c\", 'x?''y' FROM t WHERE \"k\" = ? AND :n = ?", null);
    assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
    assertThat(parsed.getSql()).isEqualTo("SELECT \"a?\"\"b:c\", 'x?''y' FROM t WHERE \"k\" = ? AND :n = ?");
  }
}
