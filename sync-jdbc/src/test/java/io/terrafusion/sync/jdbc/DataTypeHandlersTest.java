package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import java.sql.JDBCType;
import org.junit.jupiter.api.Test;

/** The handler registry. */
class DataTypeHandlersTest {
  static final Column NAME = Column.of("name", JDBCType.VARCHAR);

  @Test
  void latestRegistrationWins() {
    PrefixingStrings first = new PrefixingStrings("1");
    PrefixingStrings second = new PrefixingStrings("2");
    assertThat(DataTypeHandlers.standard().register(first).register(second).find(NAME)).containsSame(second);
  }

  @Test
  void standardHandlesEveryCanonicalJdbcType() {
    for (JDBCType type : new JDBCType[] {JDBCType.BIGINT, JDBCType.DECIMAL, JDBCType.DOUBLE, JDBCType.VARCHAR,
        JDBCType.CLOB, JDBCType.BOOLEAN, JDBCType.DATE, JDBCType.TIME, JDBCType.TIMESTAMP,
        JDBCType.TIMESTAMP_WITH_TIMEZONE, JDBCType.VARBINARY, JDBCType.BLOB}) {
      assertThat(DataTypeHandlers.standard().find(Column.of("c", type))).as(type.getName()).isPresent();
    }
  }

  @Test
  void findIsEmptyWhenNoHandlerHandlesTheColumn() {
    assertThat(DataTypeHandlers.standard().find(Column.of("g", JDBCType.ARRAY))).isEmpty();
    assertThat(DataTypeHandlers.empty().find(NAME)).isEmpty();
  }

  @Test
  void registerLeavesTheOriginalRegistryUnchanged() {
    DataTypeHandlers standard = DataTypeHandlers.standard();
    standard.register(new PrefixingStrings("x"));
    assertThat(standard.find(NAME).orElseThrow()).isNotInstanceOf(PrefixingStrings.class);
  }
}
