package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Objects;

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

  /**
   * Applies a batch as {@link #apply(TableSchema, WriteBatch)} does, together with writes that join
   * its transaction: they run on the batch's connection after its statements and commit with it, or
   * roll back with it. The engine passes such writes only when a {@link StateStore} offers one for
   * this store ({@link StateStore#checkpointWrite}), which it does only for a store it shares a
   * database with; with writes, an empty batch still commits them in a transaction of their own.
   *
   * <p>The default applies the batch when {@code alongside} is empty and otherwise refuses, since a
   * store that does not override this has no transaction a write could join.
   *
   * @param table as for {@link #apply(TableSchema, WriteBatch)}
   * @param batch the rows to write and the keys to delete; may be empty
   * @param alongside writes to run in the batch's transaction, in order
   * @throws io.terrafusion.sync.api.DataAccessException if the database refuses the batch or one of
   *     the writes; nothing of either is applied then
   * @throws UnsupportedOperationException if {@code alongside} is not empty and this store does not
   *     run writes in its transactions; the message names the store
   */
  default void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    Objects.requireNonNull(alongside, "alongside");
    if (!alongside.isEmpty()) {
      throw new UnsupportedOperationException("the target store " + name()
          + " cannot run other writes in the transaction of a batch");
    }
    apply(table, batch);
  }
}
