package io.terrafusion.sync.jdbc.spi;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database's bulk path for writing many rows at once, such as PostgreSQL's {@code COPY ... FROM
 * STDIN} or MariaDB's {@code LOAD DATA LOCAL INFILE}, which run several times faster than batched
 * statements.
 *
 * <p>The store takes this path for batches of at least {@link #threshold()} rows to write, inside the
 * batch's transaction: rows that are all new to the target ({@link
 * io.terrafusion.sync.spi.WriteBatch#newRows()}) are {@linkplain #load loaded} straight into the
 * table (and, should a key exist after all, the transaction is rolled back and the batch takes the
 * other way); other batches are loaded into a staging table made by {@link #createStaging} on the
 * same connection and merged into the table by the one set-based statement of {@link
 * #mergeFromStaging}, after which {@link #dropStaging} removes it.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface BulkWriter {

  /** The fewest rows for which this path pays off; smaller batches use batched statements. */
  default int threshold() {
    return 500;
  }

  /**
   * Writes rows into a table over the connection, in the caller's transaction.
   *
   * @param connection the batch's connection; do not commit or close it
   * @param table the table, already qualified as the store names it
   * @param columns the columns to fill, in the rows' order
   * @param rows the rows, of canonical values (see {@link io.terrafusion.sync.api.CanonicalValues})
   * @throws SQLException if the database refuses
   * @throws io.terrafusion.sync.api.ValueConversionException if a value cannot be written to its
   *     column, naming {@code table} (the store renames the staging table to the target in the
   *     message), the key, the column and the types, never the value
   */
  void load(Connection connection, TableId table, List<Column> columns, List<Row> rows) throws SQLException;

  /**
   * SQL that creates an empty staging table, private to the session, with the given columns of
   * {@code table} and their types.
   */
  String createStaging(TableId staging, TableId table, List<Column> columns);

  /**
   * SQL that merges the staging table into {@code table}: inserts the rows whose keys are new, and
   * overwrites the given non-key columns of the rows whose keys exist and whose values differ (rows
   * that are equal are not rewritten).
   */
  String mergeFromStaging(TableId table, TableId staging, List<Column> columns, List<Column> key);

  /** SQL that removes the staging table. */
  String dropStaging(TableId staging);
}
