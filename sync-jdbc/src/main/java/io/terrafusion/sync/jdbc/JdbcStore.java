package io.terrafusion.sync.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.internal.DialectDetection;
import io.terrafusion.sync.jdbc.internal.Failures;
import io.terrafusion.sync.jdbc.internal.PositionalSqlParser;
import io.terrafusion.sync.jdbc.internal.SchemaReader;
import io.terrafusion.sync.jdbc.internal.TableAccess;
import io.terrafusion.sync.jdbc.spi.Dialect;
import io.terrafusion.sync.spi.DataTypeHandler;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TargetStore} (and so a source) over a JDBC {@link DataSource}, for the databases its
 * {@link Dialect} handles (built in: H2, SQLite and PostgreSQL). For PostgreSQL, put {@code
 * reWriteBatchedInserts=true} in the JDBC URL so that batched upserts travel as multi-row statements
 * (see {@link Dialects#postgresql()}).
 *
 * <ul>
 *   <li>{@link #tables()} lists the tables of one schema that have a primary key; {@link #table}
 *       introspects with {@link java.sql.DatabaseMetaData}, keeping names exactly as the database
 *       reports them (H2 upper-cases unquoted identifiers, SQLite keeps their case), and returns
 *       empty for a table that does not exist or has no primary key. Schemas are cached (bounded)
 *       until {@link #refresh()}.
 *   <li>{@link #read} pages by key with bound parameters and quoted identifiers, in canonical key
 *       order (strings by code point); {@link #fetch} asks for at most 500 keys per statement.
 *   <li>{@link #apply} runs in one transaction: batched deletes, then batched upserts of the schema's
 *       columns only. On failure it rolls back and throws {@link DataAccessException} naming the
 *       table, the failing key when the driver identifies it, and the SQLState.
 *   <li>Values are read and bound by {@link DataTypeHandler}s: the dialect's built-ins, overridden by
 *       those registered with {@link Builder#typeHandler}. A value that cannot be converted throws
 *       {@link io.terrafusion.sync.api.ValueConversionException}.
 * </ul>
 *
 * <p>This class is thread-safe. It does not own the data source: {@link #close()} does nothing.
 */
public final class JdbcStore implements TargetStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
  private static final int CACHE_SIZE = 1_000;

  private final String name;
  private final Dialect dialect;
  private final @Nullable String schema;
  private final DataTypeHandlers handlers;
  private final Jdbi jdbi;
  private final SchemaReader schemaReader;
  private final Cache<TableId, Optional<TableSchema>> schemas =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
  private final Cache<TableSchema, TableAccess> accesses =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
  private final @Nullable SegmentChecksums checksums;
  private final DataSource dataSource;

  private JdbcStore(String name, Dialect dialect, @Nullable String schema, DataTypeHandlers handlers, Jdbi jdbi,
      DataSource dataSource) {
    this.dataSource = dataSource;
    this.name = name;
    this.dialect = dialect;
    this.schema = schema;
    this.handlers = handlers;
    this.jdbi = jdbi;
    this.schemaReader = new SchemaReader(dialect, schema);
    this.checksums = dialect.checksumHash("''").isPresent() ? new JdbcSegmentChecksums(this, dialect, handlers) : null;
  }

  /**
   * A store over the data source with every default, detecting its dialect among {@link
   * Dialects#builtIns()}.
   *
   * @throws InvalidConfigurationException if no built-in dialect handles the database; the message
   *     names the database product
   * @throws DataAccessException if the database cannot be reached
   */
  public static JdbcStore of(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** A builder of a store over the data source. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The dialect this store speaks, given or detected. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The library's own tables, whose names start with {@code tfsync_} (the {@link JdbcStateStore}'s
   * default tables, the {@link Changelog}'s change table), are left out: they are never synced.
   */
  @Override
  public List<TableId> tables() {
    return withHandle("list the tables of", null, handle -> schemaReader.tables(handle.getConnection()));
  }

  @Override
  public Optional<TableSchema> table(TableId table) {
    Objects.requireNonNull(table, "table");
    return schemas.get(table, id -> withHandle("introspect", id, handle -> schemaReader.table(handle.getConnection(), id)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws DataAccessException if the database fails, naming the table
   * @throws io.terrafusion.sync.api.ValueConversionException if a value cannot be read
   */
  @Override
  public List<Row> read(TableSchema table, KeyRange range, int limit) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(range, "range");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
    TableAccess access = access(table);
    return withHandle("read", table.id(), handle -> access.read(handle, range, limit));
  }

  /**
   * {@inheritDoc}
   *
   * @throws DataAccessException if the database fails, naming the table
   * @throws io.terrafusion.sync.api.ValueConversionException if a value cannot be read
   */
  @Override
  public List<Row> fetch(TableSchema table, List<RowKey> keys) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      return List.of();
    }
    TableAccess access = access(table);
    return withHandle("fetch from", table.id(), handle -> access.fetch(handle, keys));
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.terrafusion.sync.api.ValueConversionException if a value cannot be bound; nothing of
   *     the batch is applied then
   */
  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    apply(table, batch, List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every path of a batch takes the writes: batched statements, and the bulk paths (direct load,
   * or staging table and merge), all of which run in the one transaction the writes join.
   *
   * @throws io.terrafusion.sync.api.ValueConversionException if a value cannot be bound; nothing of
   *     the batch is applied then
   */
  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(batch, "batch");
    List<TransactionalWrite> writes = List.copyOf(alongside);
    if (batch.isEmpty() && writes.isEmpty()) {
      return;
    }
    TableAccess access = access(table);
    try {
      jdbi.useTransaction(handle -> {
        access.apply(handle, batch);
        for (TransactionalWrite write : writes) {
          write.write(handle.getConnection());
        }
      });
    } catch (RuntimeException e) {
      throw Failures.translate(e, dialect, table.id(), "apply a batch to", List.of());
    } catch (SQLException e) {
      throw Failures.translate(new IllegalStateException(e), dialect, table.id(), "apply a batch to", List.of());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The DDL comes from {@link Dialect#createTable}; an unqualified table is created in the
   * store's configured schema. The cached schema of the table is dropped, so the next {@link #table}
   * lookup introspects the new table.
   *
   * @throws DataAccessException if a column's type has no mapping in the dialect, or the database
   *     refuses the statement (such as when the table exists); the message names the table
   */
  @Override
  public void createTable(TableSchema schema) {
    Objects.requireNonNull(schema, "schema");
    String ddl;
    try {
      ddl = dialect.createTable(sqlName(schema.id()), schema.columns(), schema.primaryKey());
    } catch (IllegalArgumentException e) {
      throw new DataAccessException("cannot create table " + schema.id() + " in " + name + ": " + e.getMessage(),
          schema.id(), null, null, e);
    }
    try {
      jdbi.useHandle(handle -> handle.execute(ddl));
    } catch (RuntimeException e) {
      throw Failures.translate(e, dialect, schema.id(), "create table", List.of());
    } finally {
      schemas.invalidate(schema.id());
    }
    LOG.info("{}: created table {}", name, schema.id());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Present when the dialect computes checksums ({@link Dialect#checksumHash}): PostgreSQL, MariaDB
   * and H2 among the built-ins, in the encoding {@link Dialect#CHECKSUM_ALGORITHM}; SQLite has no MD5
   * function and offers none. Which types agree between databases is described there. Both methods
   * throw {@link IllegalArgumentException} also for a column read by a user-registered data type
   * handler or of a type the dialect cannot encode, and {@link DataAccessException} naming the table
   * when the database fails. String keys compare in canonical order through {@link
   * Dialect#keyExpression}, as reads do, which may keep the database from using the primary-key index.
   */
  @Override
  public Optional<SegmentChecksums> segmentChecksums() {
    return Optional.ofNullable(checksums);
  }

  /** Forgets cached schemas and statements. */
  @Override
  public void refresh() {
    schemas.invalidateAll();
    accesses.invalidateAll();
    LOG.debug("{}: schema cache cleared", name);
  }

  @Override
  public String toString() {
    return "JdbcStore[" + name + "]";
  }

  /** The data source this store writes to, so that a state store can tell it shares the database. */
  DataSource dataSource() {
    return dataSource;
  }

  /** The JDBI of this store, for the detectors of this package; JDBI stays out of the public API. */
  Jdbi jdbi() {
    return jdbi;
  }

  /** The statements and handlers of a table or projection, cached; for the detectors of this package. */
  TableAccess access(TableSchema table) {
    return accesses.get(table, t -> new TableAccess(t, sqlName(t.id()), dialect, handlers));
  }

  /** The table as SQL names it: qualified by the configured schema when there is one. */
  TableId sqlName(TableId table) {
    return table.schema() == null && schema != null ? TableId.of(schema, table.name()) : table;
  }

  /** Runs a callback on a handle, translating failures into {@link DataAccessException}s naming the action. */
  <T> T withHandle(String action, @Nullable TableId table, HandleCallback<T, Exception> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, dialect, table, action, List.of());
    } catch (Exception e) {
      throw Failures.translate(new IllegalStateException(e), dialect, table, action, List.of());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Asks the dialect ({@link Dialect#estimatedRowCount}): PostgreSQL's {@code pg_class.reltuples},
   * MariaDB's {@code information_schema.TABLES.TABLE_ROWS}, an exact count on H2 and SQLite.
   *
   * @throws DataAccessException if the database fails, naming the table
   */
  @Override
  public OptionalLong estimatedRowCount(TableSchema table) {
    Objects.requireNonNull(table, "table");
    return withHandle("estimate the rows of", table.id(),
        handle -> dialect.estimatedRowCount(handle.getConnection(), sqlName(table.id())));
  }

  /**
   * Collects the options of a {@link JdbcStore}. Each setter checks its argument; {@link #build()}
   * reports every remaining problem at once.
   *
   * <p>A builder is not thread-safe; the store it builds is.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private final List<String> problems = new ArrayList<>();
    private @Nullable String name;
    private @Nullable Dialect dialect;
    private List<Dialect> candidates = Dialects.builtIns();
    private DataTypeHandlers userHandlers = DataTypeHandlers.empty();
    private @Nullable String schema;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The store's name in messages and health reports. Default: {@code <dialect>:<catalog>}, or the
     * JDBC URL without parameters or credentials when the database reports no catalog.
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        problems.add("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** The dialect to use, which skips detection. */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** The dialects to detect among, in place of {@link Dialects#builtIns()}. */
    public Builder dialects(List<Dialect> candidates) {
      Objects.requireNonNull(candidates, "candidates");
      if (candidates.isEmpty()) {
        problems.add("dialects must not be empty");
      }
      this.candidates = List.copyOf(candidates);
      return this;
    }

    /**
     * Registers a data type handler; it wins over the dialect's built-ins and over handlers
     * registered before it, for the columns it handles.
     */
    public Builder typeHandler(DataTypeHandler handler) {
      this.userHandlers = userHandlers.register(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * The schema whose tables {@link JdbcStore#tables()} lists and in which unqualified table ids
     * are looked up. Default: the connection's current schema ({@code PUBLIC} on H2; SQLite has none).
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      if (schema.isBlank() || schema.indexOf('\0') >= 0) {
        problems.add("schema must be non-blank and free of NUL characters");
      }
      this.schema = schema;
      return this;
    }

    /**
     * Builds the store, detecting the dialect unless one was given.
     *
     * @throws InvalidConfigurationException listing every problem with the options, including a
     *     database that no candidate dialect handles (naming its product and version)
     * @throws DataAccessException if the database cannot be reached for detection
     */
    public JdbcStore build() {
      List<String> all = new ArrayList<>(problems);
      if (!all.isEmpty()) {
        throw new InvalidConfigurationException("JdbcStore", all);
      }
      DialectDetection.Result detected = DialectDetection.detect("JdbcStore", dataSource, dialect, candidates);
      Dialect chosen = detected.dialect();
      LOG.debug("using dialect {} for {}", chosen.name(), detected.location());
      String storeName = name != null ? name : chosen.name() + ":" + detected.location();
      return new JdbcStore(storeName, chosen, schema, chosen.typeHandlers().registerAll(userHandlers),
          PositionalSqlParser.install(Jdbi.create(dataSource)), dataSource);
    }
  }
}
