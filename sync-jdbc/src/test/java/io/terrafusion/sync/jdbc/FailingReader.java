package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** A handler for one named column that binds only NULL and refuses every value it reads. */
final class FailingReader implements DataTypeHandler {
  private final String column;

  FailingReader(String column) {
    this.column = column;
  }

  @Override
  public boolean handles(Column c) {
    return c.name().equals(column);
  }

  @Override
  public @Nullable Object read(ResultSet resultSet, int index, Column c) {
    throw new IllegalArgumentException("refused");
  }

  @Override
  public void write(PreparedStatement statement, int index, @Nullable Object value, Column c) throws SQLException {
    statement.setNull(index, Types.NULL);
  }
}
