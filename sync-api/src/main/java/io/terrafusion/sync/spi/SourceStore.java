package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A database the engine reads from: its tables, their schemas, and their rows in key order.
 *
 * <p>Reads are paged by key ({@code WHERE key > after ORDER BY key LIMIT n}), so that memory is
 * bounded by the page size and no cursor stays open while the engine writes elsewhere. Keys order
 * under {@link io.terrafusion.sync.api.CanonicalValues#compare}: strings byte-wise by UTF-8,
 * whatever the database's collation, so that two stores agree on the order.
 *
 * <p>Only tables with a primary key can be synced. Implementations are thread-safe. Failures surface as {@link
 * io.terrafusion.sync.api.DataAccessException} naming the table.
 */
public interface SourceStore extends AutoCloseable {

  /** A short name for messages and health reports, such as {@code h2:source}; never credentials. */
  String name();

  /** The tables this store holds that can be synced (those with a primary key), sorted by name. */
  List<TableId> tables();

  /**
   * The schema of a table, if the store has it. Implementations may cache schemas; {@link
   * #refresh()} drops the cache.
   */
  Optional<TableSchema> table(TableId table);

  /**
   * Up to {@code limit} rows of the table whose keys lie in {@code range}, in ascending key order.
   * Fewer than {@code limit} rows means the range holds no more.
   *
   * @param table the table's schema as returned by {@link #table(TableId)}, or a projection of it:
   *     the same table id and primary key with a subset of its columns, in any order; the rows
   *     returned follow that schema's layout
   * @param range the keys wanted
   * @param limit the most rows to return; must be > 0
   * @throws IllegalArgumentException if {@code limit <= 0}
   */
  List<Row> read(TableSchema table, KeyRange range, int limit);

  /**
   * The rows with the given keys, those that exist, in ascending key order.
   *
   * @param table the table's schema, or a projection of it as for {@link #read}
   * @param keys the keys wanted, in any order
   */
  List<Row> fetch(TableSchema table, List<RowKey> keys);

  /**
   * The checksums this store computes inside its database, if it can; the default has none, and
   * detectors that need them then compare rows instead.
   */
  default Optional<SegmentChecksums> segmentChecksums() {
    return Optional.empty();
  }

  /** Forgets cached schemas, so that the next lookup introspects again. */
  default void refresh() {}

  /** Releases the store's resources. The engine does not close stores it was given. */
  @Override
  default void close() {}

  /**
   * A cheap estimate of the number of rows of a table, for progress reports: the database's
   * statistics where it keeps them, which may lag behind the table. The default has none. Must be
   * fast (no full scan of a large table) and thread-safe; a failure to estimate is best reported as
   * empty, since the engine treats any exception here as "no estimate".
   *
   * @param table the table's schema as returned by {@link #table(TableId)}
   */
  default OptionalLong estimatedRowCount(TableSchema table) {
    return OptionalLong.empty();
  }
}
