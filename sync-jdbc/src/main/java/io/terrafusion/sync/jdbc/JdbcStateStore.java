package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.internal.DialectDetection;
import io.terrafusion.sync.jdbc.internal.Failures;
import io.terrafusion.sync.jdbc.internal.PositionalSqlParser;
import io.terrafusion.sync.jdbc.internal.StateIds;
import io.terrafusion.sync.jdbc.internal.StateMigration;
import io.terrafusion.sync.jdbc.internal.StateRecords;
import io.terrafusion.sync.jdbc.internal.StateSchema;
import io.terrafusion.sync.jdbc.internal.StateStatements;
import io.terrafusion.sync.jdbc.internal.StateStatements.Queue;
import io.terrafusion.sync.jdbc.internal.StateTables;
import io.terrafusion.sync.jdbc.internal.TableNaming;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} in tables of a JDBC database (H2, SQLite, PostgreSQL or MariaDB), so that a
 * sync can resume in another process: checkpoints, base row hashes, the conflict queue, dead letters
 * and job history outlive the engine that wrote them.
 *
 * <ul>
 *   <li><b>Tables.</b> On first use the store creates its tables if they are missing: {@code
 *       <prefix>checkpoints}, {@code base_hashes}, {@code conflicts}, {@code dead_letters}, {@code
 *       jobs} and {@code schema_version}, which records the schema version. A database at an older
 *       version is upgraded step by step; one at a newer version than this library knows fails with
 *       {@link IllegalStateException}. The first use of a new schema should be by one process.
 *   <li><b>Contents.</b> Keys, rows (with their layout) and records are JSON text in which every
 *       value carries its type, so every canonical value comes back as it went in: a BigDecimal with
 *       its scale, a Double's NaN, bytes, UUIDs and times. Lookups go by SHA-256 digests of the
 *       logical keys, so long keys and case-insensitive collations do no harm.
 *   <li><b>Atomicity.</b> Each method runs in one transaction; values are bound parameters and
 *       identifiers are quoted by the dialect. Conflicts and dead letters page in the order they
 *       were first added, jobs by submission time, most recent first.
 *   <li><b>Checkpoints with the batch.</b> Built over the same {@link DataSource} object as the target's
 *       {@link JdbcStore}, the store hands the engine a {@linkplain #checkpointWrite checkpoint write}
 *       that the target runs in the transaction of the batch the checkpoint follows, so the two
 *       commit together: after a crash the target never holds a batch its checkpoint does not cover,
 *       nor the checkpoint a batch that did not commit.
 * </ul>
 *
 * <p>This class is thread-safe. It does not own the data source: {@link #close()} does nothing.
 * Database failures throw {@link DataAccessException} naming the state table and the SQLState; paged
 * methods throw {@link IllegalArgumentException} for a negative {@code offset} or a {@code limit}
 * below 1.
 */
public final class JdbcStateStore implements StateStore {
  private static final int KEYS_PER_QUERY = 500;

  private final Jdbi jdbi;
  private final StateTables tables;
  private final StateSchema schema;
  private final StateStatements sql;
  private final Queue conflicts;
  private final Queue deadLetters;
  private final Object migrationLock = new Object();
  private volatile boolean migrated;
  private final DataSource dataSource;

  private JdbcStateStore(Jdbi jdbi, StateTables tables, DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = jdbi;
    this.tables = tables;
    this.schema = new StateSchema(tables, StateMigration.builtIns());
    this.sql = new StateStatements(tables);
    this.conflicts = sql.queue(StateTables.CONFLICTS);
    this.deadLetters = sql.queue(StateTables.DEAD_LETTERS);
  }

  /**
   * A store with every default over the data source, detecting its dialect among {@link
   * Dialects#builtIns()}. Tables are created on first use, not here.
   *
   * @throws InvalidConfigurationException if no built-in dialect handles the database
   * @throws DataAccessException if the database cannot be reached
   */
  public static JdbcStateStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** A builder of a store over the data source. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public Optional<Checkpoint> checkpoint(TableId table, String detector) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(detector, "detector");
    return inTransaction(StateTables.CHECKPOINTS, h -> h.createQuery(sql.selectCheckpoint)
        .bind(0, checkpointId(table, detector)).mapTo(String.class).findOne()
        .map(position -> new Checkpoint(table, detector, position)));
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    inTransaction(StateTables.CHECKPOINTS, h -> h.createUpdate(sql.upsertCheckpoint)
        .bind(0, checkpointId(checkpoint.table(), checkpoint.detector()))
        .bind(1, StateRecords.tableText(checkpoint.table()))
        .bind(2, checkpoint.detector())
        .bind(3, checkpoint.position())
        .bind(4, Instant.now().toString())
        .execute());
  }

  @Override
  public void clearCheckpoint(TableId table, String detector) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(detector, "detector");
    inTransaction(StateTables.CHECKPOINTS,
        h -> h.createUpdate(sql.deleteCheckpoint).bind(0, checkpointId(table, detector)).execute());
  }

  @Override
  public Map<RowKey, RowHash> baseHashes(TableId table, Collection<RowKey> keys) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keys, "keys");
    Map<String, RowKey> byId = new LinkedHashMap<>();
    String tableText = StateRecords.tableText(table);
    keys.forEach(key -> byId.put(baseHashId(tableText, key), key));
    if (byId.isEmpty()) {
      return Map.of();
    }
    List<String> ids = new ArrayList<>(byId.keySet());
    return inTransaction(StateTables.BASE_HASHES, h -> {
      Map<RowKey, RowHash> found = new HashMap<>();
      for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY));
        var query = h.createQuery(sql.selectBaseHashes(chunk.size()));
        for (int i = 0; i < chunk.size(); i++) {
          query.bind(i, chunk.get(i));
        }
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
            .forEach(e -> found.put(byId.get(e.getKey()), RowHash.parse(e.getValue())));
      }
      return found;
    });
  }

  @Override
  public void updateBaseHashes(TableId table, Map<RowKey, RowHash> written, Collection<RowKey> deleted) {
    Objects.requireNonNull(table, "table");
    Map<RowKey, RowHash> writes = Map.copyOf(written);
    List<RowKey> deletes = List.copyOf(deleted);
    if (writes.isEmpty() && deletes.isEmpty()) {
      return;
    }
    String tableText = StateRecords.tableText(table);
    inTransaction(StateTables.BASE_HASHES, h -> {
      if (!deletes.isEmpty()) {
        PreparedBatch batch = h.prepareBatch(sql.deleteBaseHash);
        deletes.forEach(key -> batch.bind(0, baseHashId(tableText, key)).add());
        batch.execute();
      }
      if (!writes.isEmpty()) {
        PreparedBatch batch = h.prepareBatch(sql.upsertBaseHash);
        writes.forEach((key, hash) -> batch.bind(0, baseHashId(tableText, key)).bind(1, tableText)
            .bind(2, StateRecords.keyText(key)).bind(3, hash.toString()).add());
        batch.execute();
      }
      return null;
    });
  }

  @Override
  public void addConflict(Conflict conflict) {
    Objects.requireNonNull(conflict, "conflict");
    add(conflicts, StateTables.CONFLICTS, conflict.id(), conflict.table(), StateRecords.conflict(conflict));
  }

  @Override
  public List<Conflict> conflicts(@Nullable TableId table, int offset, int limit) {
    return page(conflicts, StateTables.CONFLICTS, table, offset, limit, StateRecords::conflict);
  }

  @Override
  public Optional<Conflict> conflict(String id) {
    Objects.requireNonNull(id, "id");
    return inTransaction(StateTables.CONFLICTS, h -> h.createQuery(conflicts.select()).bind(0, StateIds.of(id))
        .mapTo(String.class).findOne().map(StateRecords::conflict));
  }

  @Override
  public boolean removeConflict(String id) {
    Objects.requireNonNull(id, "id");
    return remove(conflicts, StateTables.CONFLICTS, id);
  }

  @Override
  public void addDeadLetter(DeadLetter deadLetter) {
    Objects.requireNonNull(deadLetter, "deadLetter");
    add(deadLetters, StateTables.DEAD_LETTERS, deadLetter.id(), deadLetter.table(),
        StateRecords.deadLetter(deadLetter));
  }

  @Override
  public List<DeadLetter> deadLetters(@Nullable TableId table, int offset, int limit) {
    return page(deadLetters, StateTables.DEAD_LETTERS, table, offset, limit, StateRecords::deadLetter);
  }

  @Override
  public boolean removeDeadLetter(String id) {
    Objects.requireNonNull(id, "id");
    return remove(deadLetters, StateTables.DEAD_LETTERS, id);
  }

  @Override
  public void saveJob(JobStatus status) {
    Objects.requireNonNull(status, "status");
    String id = StateIds.of(status.jobId());
    String body = StateRecords.job(status);
    long seconds = status.submitted().getEpochSecond();
    long nanos = status.submitted().getNano();
    inTransaction(StateTables.JOBS, h -> {
      if (h.createQuery(sql.selectJob).bind(0, id).mapTo(String.class).findOne().isPresent()) {
        return h.createUpdate(sql.updateJob).bind(0, seconds).bind(1, nanos).bind(2, body).bind(3, id).execute();
      }
      long seq = h.createQuery(sql.maxJobSeq).mapTo(Long.class).findOne().orElse(0L) + 1;
      return h.createUpdate(sql.insertJob).bind(0, id).bind(1, seq).bind(2, seconds).bind(3, nanos).bind(4, body)
          .execute();
    });
  }

  @Override
  public Optional<JobStatus> job(String jobId) {
    Objects.requireNonNull(jobId, "jobId");
    return inTransaction(StateTables.JOBS, h -> h.createQuery(sql.selectJob).bind(0, StateIds.of(jobId))
        .mapTo(String.class).findOne().map(StateRecords::job));
  }

  /** Jobs by submission time, most recent first; jobs submitted at the same instant, last added first. */
  @Override
  public List<JobStatus> jobs(int offset, int limit) {
    checkPage(offset, limit);
    return inTransaction(StateTables.JOBS, h -> h.createQuery(sql.pageJobs).bind(0, limit).bind(1, offset)
        .mapTo(String.class).list()).stream().map(StateRecords::job).toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Present when {@code target} is a {@link JdbcStore} over the very {@link DataSource} object this
   * store was built with (two data sources are never taken for one database, even when their URLs
   * match). The state tables are created or upgraded here, before the write joins a transaction. The
   * write upserts the checkpoint's row with the same statement as {@link #saveCheckpoint}.
   *
   * @throws DataAccessException if the state tables cannot be created or upgraded
   */
  @Override
  public Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(target, "target");
    if (!(target instanceof JdbcStore store) || store.dataSource() != dataSource) {
      return Optional.empty();
    }
    migrateOnce();
    String id = checkpointId(checkpoint.table(), checkpoint.detector());
    String tableText = StateRecords.tableText(checkpoint.table());
    return Optional.of(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql.upsertCheckpoint)) {
        statement.setString(1, id);
        statement.setString(2, tableText);
        statement.setString(3, checkpoint.detector());
        statement.setString(4, checkpoint.position());
        statement.setString(5, Instant.now().toString());
        statement.executeUpdate();
      }
    });
  }

  /** The qualified name of the table that records the schema version. */
  public TableId schemaVersionTable() {
    return tables.id(StateTables.SCHEMA_VERSION);
  }

  @Override
  public String toString() {
    return "JdbcStateStore[" + tables.dialect().name() + ":" + tables.id(StateTables.SCHEMA_VERSION) + "]";
  }

  private void add(Queue queue, String table, String id, TableId of, String body) {
    String digest = StateIds.of(id);
    String tableRef = StateIds.of(StateRecords.tableText(of));
    inTransaction(table, h -> {
      if (h.createQuery(queue.select()).bind(0, digest).mapTo(String.class).findOne().isPresent()) {
        return h.createUpdate(queue.update()).bind(0, tableRef).bind(1, body).bind(2, digest).execute();
      }
      long seq = h.createQuery(queue.maxSeq()).mapTo(Long.class).findOne().orElse(0L) + 1;
      return h.createUpdate(queue.insert()).bind(0, digest).bind(1, seq).bind(2, tableRef).bind(3, body).execute();
    });
  }

  private <T> List<T> page(Queue queue, String table, @Nullable TableId of, int offset, int limit,
      Function<String, T> decode) {
    checkPage(offset, limit);
    List<String> bodies = inTransaction(table, h -> of == null
        ? h.createQuery(queue.page()).bind(0, limit).bind(1, offset).mapTo(String.class).list()
        : h.createQuery(queue.pageOfTable()).bind(0, StateIds.of(StateRecords.tableText(of))).bind(1, limit)
            .bind(2, offset).mapTo(String.class).list());
    return bodies.stream().map(decode).toList();
  }

  private boolean remove(Queue queue, String table, String id) {
    return inTransaction(table, h -> h.createUpdate(queue.delete()).bind(0, StateIds.of(id)).execute()) > 0;
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
  }

  private static String checkpointId(TableId table, String detector) {
    return StateIds.of(StateRecords.tableText(table), detector);
  }

  private static String baseHashId(String tableText, RowKey key) {
    return StateIds.of(tableText, StateRecords.canonicalKey(key));
  }

  private <T> T inTransaction(String table, HandleCallback<T, RuntimeException> callback) {
    migrateOnce();
    try {
      return jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, tables.dialect(), tables.id(table), "use the state", List.of());
    }
  }

  private void migrateOnce() {
    if (migrated) {
      return;
    }
    synchronized (migrationLock) {
      if (!migrated) {
        try {
          jdbi.useHandle(schema::migrate);
        } catch (RuntimeException e) {
          throw Failures.translate(e, tables.dialect(), schemaVersionTable(), "create or upgrade the state schema at",
              List.of());
        }
        migrated = true;
      }
    }
  }

  /**
   * Collects the options of a {@link JdbcStateStore}. Each setter checks its argument; {@link
   * #build()} reports every problem at once.
   *
   * <p>A builder is not thread-safe; the store it builds is.
   */
  public static final class Builder {

    private final DataSource dataSource;
    private final List<String> problems = new ArrayList<>();
    private @Nullable String schema;
    private String tablePrefix = "tfsync_";

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The schema (on MariaDB: the database) that holds the state tables. Default: the connection's
     * current schema or database; SQLite has none.
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      TableNaming.checkSchema(schema, problems);
      this.schema = schema;
      return this;
    }

    /**
     * The prefix of every state table's name: a letter or underscore, then up to 30 letters, digits
     * and underscores. Default: {@code tfsync_}.
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix");
      TableNaming.checkPrefix(tablePrefix, problems);
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Builds the store, detecting the dialect among {@link Dialects#builtIns()}. The tables are
     * created on first use.
     *
     * @throws InvalidConfigurationException listing every problem with the options, including a
     *     database that no built-in dialect handles
     * @throws DataAccessException if the database cannot be reached for detection
     */
    public JdbcStateStore build() {
      List<String> all = new ArrayList<>(problems);
      if (!all.isEmpty()) {
        throw new InvalidConfigurationException("JdbcStateStore", all);
      }
      DialectDetection.Result detected = DialectDetection.detect("JdbcStateStore", dataSource, null, Dialects.builtIns());
      StateTables tables = new StateTables(detected.dialect(), schema, tablePrefix);
      return new JdbcStateStore(PositionalSqlParser.install(Jdbi.create(dataSource)), tables, dataSource);
    }
  }
}
