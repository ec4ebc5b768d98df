package io.terrafusion.sync.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.internal.AuditTables;
import io.terrafusion.sync.jdbc.internal.DialectDetection;
import io.terrafusion.sync.jdbc.internal.Failures;
import io.terrafusion.sync.jdbc.internal.PositionalSqlParser;
import io.terrafusion.sync.jdbc.internal.PostgresAuditCopy;
import io.terrafusion.sync.jdbc.internal.StateIds;
import io.terrafusion.sync.jdbc.internal.StateRecords;
import io.terrafusion.sync.jdbc.internal.StateSchema;
import io.terrafusion.sync.jdbc.internal.StateTables;
import io.terrafusion.sync.jdbc.internal.TableNaming;
import io.terrafusion.sync.jdbc.internal.TaggedValues;
import io.terrafusion.sync.spi.AuditRecordStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * A tamper-evident audit chain in a table of a JDBC database (H2, SQLite, PostgreSQL or MariaDB),
 * for {@code AuditSinks.chained(store)} of sync-core, which numbers and hashes the events. It also
 * answers the questions an auditor asks long after a sync: every event of one row ({@link
 * #rowHistory}) and every event of one job ({@link #jobHistory}), in the order they were recorded
 * (the engine's time order), a page at a time.
 *
 * <ul>
 *   <li><b>Tables.</b> {@code <prefix>records} (default {@code tfsync_audit_records}) with its own
 *       {@code <prefix>schema_version}, created when the store is built and upgraded step by step as
 *       the state store's are. Several chains may share the table, one per {@linkplain Builder#chain
 *       chain name}; each chain has one writer at a time.
 *   <li><b>Contents.</b> Each row holds a record's {@link AuditRecord#body() body} (the hashed JSON,
 *       which is the truth), its hashes, and copies of the parts it is looked up by. Keys are kept
 *       with their types, so a record's {@link AuditRecord#key()} comes back equal.
 *   <li><b>Writing.</b> {@link #append} writes a list of records in one transaction, all or none;
 *       on PostgreSQL a large list goes by {@code COPY}.
 *   <li><b>Records with the batch.</b> Built over the same {@link DataSource} object as the target's
 *       {@link JdbcStore}, the store hands the chaining sink an {@linkplain #appendWrite append write}
 *       that the target runs in the transaction of the batch the records describe, so the two commit
 *       together: after a crash the target never holds a change its record is missing for, nor the
 *       chain a record of a change that did not commit.
 * </ul>
 *
 * <p>This class is thread-safe. It does not own the data source: {@link #close()} does nothing.
 * Database failures throw {@link DataAccessException} naming the table and the SQLState; paged
 * methods throw {@link IllegalArgumentException} for a negative {@code afterSequence} or a {@code
 * limit} below 1.
 */
public final class JdbcAuditStore implements AuditRecordStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COLUMNS = List.of("chain_name", "seq", "previous_hash", "hash", "job_ref", "job_id",
      "batch_no", "at_time", "event_type", "table_name", "row_ref", "row_key", "body");
  /** The positions in {@link #COLUMNS} of BIGINT columns. */
  private static final Set<Integer> LONG_COLUMNS = Set.of(1, 6);
  /** From this many records on, PostgreSQL gets them by COPY rather than batched INSERTs. */
  private static final int COPY_THRESHOLD = 100;

  private final DataSource dataSource;
  private final StateTables tables;
  private final String chain;
  private final String insert;
  private final String select;
  private final @Nullable String copy;

  private JdbcAuditStore(DataSource dataSource, StateTables tables, String chain) {
    this.dataSource = dataSource;
    this.tables = tables;
    this.chain = chain;
    String t = tables.sql(AuditTables.RECORDS);
    String names = String.join(", ", columns(COLUMNS.toArray(String[]::new)));
    this.insert = "INSERT INTO " + t + " (" + names + ") VALUES (" + String.join(", ",
        Collections.nCopies(COLUMNS.size(), "?")) + ")";
    this.copy = tables.dialect().name().equals("postgresql") ? "COPY " + t + " (" + names + ") FROM STDIN" : null;
    this.select = "SELECT " + String.join(", ", columns("seq", "previous_hash", "hash", "job_id", "batch_no", "at_time",
        "event_type", "table_name", "row_key", "body")) + " FROM " + t + " WHERE " + tables.column("chain_name")
        + " = ?";
  }

  /**
   * A store with every default over the data source, detecting its dialect among {@link
   * Dialects#builtIns()}; creates or upgrades its table now.
   *
   * @throws InvalidConfigurationException if no built-in dialect handles the database
   * @throws DataAccessException if the database cannot be reached or the table cannot be created
   */
  public static JdbcAuditStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** A builder of a store over the data source. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The name of the chain this store keeps. */
  public String chain() {
    return chain;
  }

  @Override
  public Optional<AuditRecord> last() {
    return query("read the last audit record of", " ORDER BY " + tables.column("seq") + " DESC", List.of(), 1)
        .stream().findFirst();
  }

  @Override
  public void append(List<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    if (records.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        insert(connection, records);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure(e, "append audit records to");
    }
  }

  /**
   * Inserts the records over the given connection, in its current transaction: the one place this
   * store writes, so that it can join the transaction of the batch it audits.
   */
  void insert(Connection connection, List<AuditRecord> records) throws SQLException {
    List<@Nullable String[]> rows = new ArrayList<>(records.size());
    for (AuditRecord r : records) {
      rows.add(new String[] {chain, Long.toString(r.sequence()), r.previousHash(), r.hash(), StateIds.of(r.jobId()),
          r.jobId(), Long.toString(r.batch()), r.at().toString(), r.type().name(),
          r.table() == null ? null : StateRecords.tableText(r.table()),
          r.table() == null || r.key() == null ? null : rowRef(r.table(), r.key()),
          r.key() == null ? null : StateRecords.keyText(r.key()), r.body()});
    }
    if (copy != null && rows.size() >= COPY_THRESHOLD) {
      PostgresAuditCopy.copy(connection, copy, rows);
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (LONG_COLUMNS.contains(i)) {
            statement.setLong(i + 1, Long.parseLong(row[i]));
          } else if (row[i] == null) {
            statement.setNull(i + 1, Types.VARCHAR);
          } else {
            statement.setString(i + 1, row[i]);
          }
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  @Override
  public List<AuditRecord> records(long afterSequence, int limit) {
    checkPage(afterSequence, limit);
    return query("read audit records of", " AND " + tables.column("seq") + " > ? ORDER BY " + tables.column("seq"),
        List.of(afterSequence), limit);
  }

  /**
   * {@inheritDoc}
   *
   * <p>This store offers the write when {@code target} is a {@link JdbcStore} over the same {@link
   * DataSource} object; the write inserts the records as {@link #append} does, without committing.
   */
  @Override
  public Optional<TransactionalWrite> appendWrite(List<AuditRecord> records, TargetStore target) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(target, "target");
    if (!(target instanceof JdbcStore store) || store.dataSource() != dataSource) {
      return Optional.empty();
    }
    List<AuditRecord> copy = List.copyOf(records);
    return Optional.of(connection -> {
      if (!copy.isEmpty()) {
        insert(connection, copy);
      }
    });
  }

  /**
   * Every event about one row of a table, in recorded order: up to {@code limit} records with a
   * sequence above {@code afterSequence}. Pass the last sequence of a page to get the next. The table
   * and key are as the events name them (the target table; masked values for sensitive key columns).
   */
  public List<AuditRecord> rowHistory(TableId table, RowKey key, long afterSequence, int limit) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    checkPage(afterSequence, limit);
    return query("read the history of a row from", " AND " + tables.column("row_ref") + " = ? AND "
        + tables.column("seq") + " > ? ORDER BY " + tables.column("seq"), List.of(rowRef(table, key), afterSequence),
        limit);
  }

  /**
   * Every event of one job, in recorded order: up to {@code limit} records with a sequence above
   * {@code afterSequence}. Pass the last sequence of a page to get the next.
   */
  public List<AuditRecord> jobHistory(String jobId, long afterSequence, int limit) {
    Objects.requireNonNull(jobId, "jobId");
    checkPage(afterSequence, limit);
    return query("read the history of a job from", " AND " + tables.column("job_ref") + " = ? AND "
        + tables.column("seq") + " > ? ORDER BY " + tables.column("seq"), List.of(StateIds.of(jobId), afterSequence),
        limit);
  }

  private List<AuditRecord> query(String action, String where, List<Object> parameters, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(select + where)) {
      statement.setMaxRows(limit);
      statement.setString(1, chain);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 2, parameters.get(i));
      }
      List<AuditRecord> records = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next() && records.size() < limit) {
          records.add(record(rows));
        }
      }
      return records;
    } catch (SQLException e) {
      throw failure(e, action);
    }
  }

  private static AuditRecord record(ResultSet rows) throws SQLException {
    String table = rows.getString(8);
    String key = rows.getString(9);
    try {
      return new AuditRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
          Instant.parse(rows.getString(6)), AuditEventType.valueOf(rows.getString(7)),
          table == null ? null : TaggedValues.table(JSON.readTree(table)),
          key == null ? null : TaggedValues.key(JSON.readTree(key)), rows.getString(10));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored audit record " + rows.getLong(1) + " holds a table or key that is not JSON",
          e);
    }
  }

  private static String rowRef(TableId table, RowKey key) {
    return StateIds.of(StateRecords.tableText(table), StateRecords.canonicalKey(key));
  }

  private static void checkPage(long afterSequence, int limit) {
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be >= 0 but was " + afterSequence);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
  }

  private RuntimeException failure(SQLException e, String action) {
    return Failures.translate(new IllegalStateException(e), tables.dialect(), tables.id(AuditTables.RECORDS), action,
        List.of());
  }

  private List<String> columns(String... names) {
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add(tables.column(name));
    }
    return quoted;
  }

  /**
   * Collects the options of a {@link JdbcAuditStore}. Each setter checks its argument; {@link
   * #build()} reports every problem at once.
   *
   * <p>A builder is not thread-safe; the store it builds is.
   */
  public static final class Builder {
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final DataSource dataSource;
    private final List<String> problems = new ArrayList<>();
    private @Nullable String schema;
    private String tablePrefix = "tfsync_audit_";
    private String chain = "default";

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The schema (on MariaDB: the database) that holds the audit table. Default: the connection's
     * current one; SQLite has none.
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      TableNaming.checkSchema(schema, problems);
      this.schema = schema;
      return this;
    }

    /**
     * The prefix of the audit tables' names: a letter or underscore, then up to 30 letters, digits
     * and underscores. Default: {@code tfsync_audit_}.
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix");
      TableNaming.checkPrefix(tablePrefix, problems);
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * The name of the chain: 1 to 100 letters, digits, {@code _ . : -}. Default {@code default}.
     * Give each engine that writes to the same table a chain of its own.
     */
    public Builder chain(String chain) {
      Objects.requireNonNull(chain, "chain");
      if (!CHAIN.matcher(chain).matches()) {
        problems.add("chain must be 1 to 100 letters, digits, '_', '.', ':' or '-' but was " + chain);
      }
      this.chain = chain;
      return this;
    }

    /**
     * Builds the store, detecting the dialect among {@link Dialects#builtIns()}, and creates or
     * upgrades its table.
     *
     * @throws InvalidConfigurationException listing every problem with the options, including a
     *     database that no built-in dialect handles
     * @throws DataAccessException if the database cannot be reached or the table not created
     * @throws IllegalStateException if the table's schema is newer than this library knows
     */
    public JdbcAuditStore build() {
      if (!problems.isEmpty()) {
        throw new InvalidConfigurationException("JdbcAuditStore", List.copyOf(problems));
      }
      DialectDetection.Result detected = DialectDetection.detect("JdbcAuditStore", dataSource, null, Dialects.builtIns());
      StateTables tables = new StateTables(detected.dialect(), schema, tablePrefix);
      StateSchema schema = new StateSchema(tables, AuditTables.migrations());
      try {
        PositionalSqlParser.install(Jdbi.create(dataSource)).useHandle(schema::migrate);
      } catch (RuntimeException e) {
        throw Failures.translate(e, tables.dialect(), tables.id(StateTables.SCHEMA_VERSION),
            "create or upgrade the audit schema at", List.of());
      }
      return new JdbcAuditStore(dataSource, tables, chain);
    }
  }
}
