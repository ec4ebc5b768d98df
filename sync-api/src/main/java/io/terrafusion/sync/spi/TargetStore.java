package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.TableSchema;

/**
 * A database the engine writes to. It can also be read, as the engine compares the target with the
 * source.
 *
 * <p>Implementations are thread-safe.
 */
public interface TargetStore extends SourceStore {

  /**
   * Applies a batch to one table in one transaction: all of it or none of it. Deletes run first,
   * then upserts (insert, or update every non-key column when the key exists). Applying the same
   * batch twice leaves the table as applying it once.
   *
   * @param table the target table's schema as returned by {@link #table}, or a projection of it (the
   *     same table id and primary key with a subset of its columns); only the projection's columns
   *     are written, so the table's defaults fill the others on insert and updates leave them alone
   * @param batch the rows to write and the keys to delete
   * @throws io.terrafusion.sync.api.DataAccessException if the database refuses the batch; nothing
   *     of the batch is applied then
   * @throws IllegalArgumentException if a row's layout differs from the table's
   */
  void apply(TableSchema table, WriteBatch batch);

  /**
   * Creates a table with the schema's columns (their types mapped to this database's), primary key
   * and NOT NULL constraints; foreign keys are not created. A later {@link #table} lookup of the
   * schema's id finds the new table.
   *
   * <p>The default throws {@link UnsupportedOperationException}: a store that cannot create tables
   * need not implement this.
   *
   * @param schema the table to create; its foreign keys are ignored
   * @throws io.terrafusion.sync.api.DataAccessException if the database refuses, such as when the
   *     table exists or a column type cannot be mapped
   * @throws UnsupportedOperationException if this store cannot create tables; the message names the
   *     store
   */
  default void createTable(TableSchema schema) {
    throw new UnsupportedOperationException("the target store " + name() + " cannot create tables");
  }
}
