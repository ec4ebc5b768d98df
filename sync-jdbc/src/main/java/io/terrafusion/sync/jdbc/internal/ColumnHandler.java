package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A data type handler assembled from a column test, a reader of non-null values and a binder of
 * non-null values; NULL is handled here once for all of them.
 */
final class ColumnHandler implements DataTypeHandler {

  @FunctionalInterface
  interface Reader {
    /** The canonical value, or null when the database value is NULL. */
    @Nullable Object read(ResultSet resultSet, int index) throws SQLException;
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
  }

  private final String name;
  private final Predicate<Column> handles;
  private final Reader reader;
  private final Binder binder;

  ColumnHandler(String name, Predicate<Column> handles, Reader reader, Binder binder) {
    this.name = name;
    this.handles = handles;
    this.reader = reader;
    this.binder = binder;
  }

  @Override
  public boolean handles(Column column) {
    return handles.test(column);
  }

  @Override
  public @Nullable Object read(ResultSet resultSet, int index, Column column) throws SQLException {
    return reader.read(resultSet, index);
  }

  @Override
  public void write(PreparedStatement statement, int index, @Nullable Object value, Column column)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, column.jdbcType().getVendorTypeNumber());
    } else {
      binder.bind(statement, index, value);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
