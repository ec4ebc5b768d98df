package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** A user handler for VARCHAR columns that prefixes what it reads, so a test can tell who read it. */
final class PrefixingStrings implements DataTypeHandler {
  private final String prefix;

  PrefixingStrings(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public boolean handles(Column column) {
    return column.jdbcType() == JDBCType.VARCHAR;
  }

  @Override
  public @Nullable Object read(ResultSet resultSet, int index, Column column) throws SQLException {
    String value = resultSet.getString(index);
    return value == null ? null : prefix + value;
  }

  @Override
  public void write(PreparedStatement statement, int index, @Nullable Object value, Column column) throws SQLException {
    statement.setString(index, (String) value);
  }
}
