package io.terrafusion.sync.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A write that joins the transaction in which a {@link TargetStore} applies a batch, so that it
 * commits or rolls back together with the batch: such as the checkpoint of a {@link StateStore} that
 * keeps its tables in the target database ({@link StateStore#checkpointWrite}).
 *
 * <p>A target store that offers this runs each write on the connection of the batch's open
 * transaction, after the batch's own statements and before the commit; a failing write fails the
 * batch and nothing of it is applied. Implementations must be safe to run again after a rolled-back
 * attempt (a store may retry a batch) and are used by one thread at a time.
 */
@FunctionalInterface
public interface TransactionalWrite {

  /**
   * Writes through the connection of the target's open transaction.
   *
   * @param connection the batch's connection, not in auto-commit mode; this write must not commit,
   *     roll back or close it, nor change its auto-commit mode
   * @throws SQLException if the database refuses; the store then rolls the whole batch back
   */
  void write(Connection connection) throws SQLException;
}
