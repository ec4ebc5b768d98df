package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Column;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Converts the values of one kind of column between a database's JDBC representation and one
 * canonical Java form (see {@link io.terrafusion.sync.api.CanonicalValues}), so that a value read
 * from one database can be written to another and compares equal to itself.
 *
 * <p>Handlers are looked up per column; the most recently registered handler that {@linkplain
 * #handles handles} a column wins, so users override built-ins by registering their own.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface DataTypeHandler {

  /** Whether this handler reads and writes values of the column. */
  boolean handles(Column column);

  /**
   * Reads the value at {@code index} of the current result-set row into its canonical form.
   *
   * @return the canonical value, or null for SQL NULL
   * @throws SQLException if the driver fails
   * @throws IllegalArgumentException if the value cannot be represented; the engine reports it with
   *     table, key and column
   */
  @Nullable Object read(ResultSet resultSet, int index, Column column) throws SQLException;

  /**
   * Binds a canonical value (or null) as parameter {@code index} for a column of this kind.
   *
   * @throws SQLException if the driver fails
   * @throws IllegalArgumentException if the value is not of a form this handler accepts
   */
  void write(PreparedStatement statement, int index, @Nullable Object value, Column column) throws SQLException;
}
