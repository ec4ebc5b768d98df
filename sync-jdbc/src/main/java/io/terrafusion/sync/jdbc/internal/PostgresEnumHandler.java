package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * Enums and domains, which PgJDBC reports as VARCHAR: read as their text, bound untyped ({@link
 * Types#OTHER}), NULL included, since the server refuses a value typed varchar for an enum column.
 */
final class PostgresEnumHandler implements DataTypeHandler {

  @Override
  public boolean handles(Column column) {
    return PostgresTypeHandlers.isUserDefinedString(column);
  }

  @Override
  public @Nullable Object read(ResultSet resultSet, int index, Column column) throws SQLException {
    return resultSet.getString(index);
  }

  @Override
  public void write(PreparedStatement statement, int index, @Nullable Object value, Column column)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else {
      statement.setObject(index, PostgresTypeHandlers.text(value), Types.OTHER);
    }
  }

  @Override
  public String toString() {
    return "postgresql-enums";
  }
}
