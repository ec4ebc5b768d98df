package io.terrafusion.sync.jdbc.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.DataTypeHandlers;
import io.terrafusion.sync.jdbc.Dialects;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change-capture SQL the dialects write, where its text is the point. */
class ChangeTriggerSqlTest {
  private static final Column ID = new Column("id", JDBCType.BIGINT, "BIGINT", 0, 0, false);

  private static ChangeTriggers triggers(String table, Column... key) {
    return new ChangeTriggers(TableId.of(table), table, List.of(key), TableId.of("tfsync_changes"), "tfsync_t");
  }

  @Test
  void aDialectWithoutChangeCaptureSaysWhichItIs() {
    Dialect acme = new Dialect() {
      @Override
      public String name() {
        return "acme";
      }

      @Override
      public int priority(DatabaseMetaData metaData) {
        return -1;
      }

      @Override
      public DataTypeHandlers typeHandlers() {
        return DataTypeHandlers.standard();
      }

      @Override
      public String upsert(TableId table, List<Column> columns, List<Column> key) {
        return "";
      }
    };

    assertThatThrownBy(() -> acme.createChangeTriggers(triggers("t", ID)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("acme dialect has no change capture");
    assertThatThrownBy(acme::selectTriggers).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mariaDbWritesTheTableNameAsHexSoNoSqlModeChangesIt() {
    List<String> sql = Dialects.mariadb().createChangeTriggers(triggers("it's\\", ID));

    assertThat(String.join("\n", sql))
        .contains("CONVERT(X'697427735c' USING utf8mb4)")
        .doesNotContain("'it");
  }

  @Test
  void mariaDbRefusesATimestampKeyNamingTheColumn() {
    Column at = new Column("at", JDBCType.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP", 0, 0, false);

    assertThatThrownBy(() -> Dialects.mariadb().createChangeTriggers(triggers("t", at)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key column at is a TIMESTAMP")
        .hasMessageContaining("DATETIME");
  }

  @Test
  void aKeyTypeWithoutARecordedFormIsRefusedNamingTheColumn() {
    Column document = new Column("doc", JDBCType.OTHER, "json", 0, 0, false);

    for (Dialect dialect : Dialects.builtIns()) {
      assertThatThrownBy(() -> dialect.createChangeTriggers(triggers("t", document)))
          .as(dialect.name())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("key column doc has type json");
    }
  }

  @Test
  void postgresDollarQuotingAvoidsATagTheBodyHolds() {
    List<String> sql = Dialects.postgresql().createChangeTriggers(triggers("odd$tfsync$name", ID));

    String function = sql.get(0);
    assertThat(function).startsWith("CREATE OR REPLACE FUNCTION").contains("'odd$tfsync$name'")
        .contains("AS $tfsync0$BEGIN").endsWith("END$tfsync0$");
  }

  @Test
  void postgresRecordsTemporalKeysInUtcAndIsoFormWhateverTheSession() {
    Column at = new Column("at", JDBCType.TIMESTAMP_WITH_TIMEZONE, "timestamptz", 0, 0, false);
    Column day = new Column("day", JDBCType.DATE, "date", 0, 0, false);

    String function = Dialects.postgresql().createChangeTriggers(triggers("t", at, day)).get(0);

    assertThat(function)
        .contains("to_char(NEW.\"at\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        .contains("to_char(NEW.\"day\", 'YYYY-MM-DD')")
        .contains("IS DISTINCT FROM");
  }
}
