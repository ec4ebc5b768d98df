package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads table metadata through {@link DatabaseMetaData}. Names are matched exactly: metadata
 * arguments are LIKE patterns, so every result is filtered by its reported name as well.
 */
public final class SchemaReader {
  /** The name prefix of the tables the library creates for itself. */
  public static final String OWN_PREFIX = "tfsync_";

  private final Dialect dialect;
  private final @Nullable String schema;

  /**
   * @param dialect maps reported types
   * @param schema the configured schema, or null for the connection's current schema
   */
  public SchemaReader(Dialect dialect, @Nullable String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /**
   * The tables of the schema that have a primary key, sorted by name, without the library's own
   * ({@value #OWN_PREFIX}*: state store, change table), which are never synced.
   */
  public List<TableId> tables(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schemaName = schema != null ? schema : connection.getSchema();
    String catalog = catalog(connection, schemaName);
    List<String> names = new ArrayList<>();
    try (ResultSet rs = metaData.getTables(catalog, schemaName, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        boolean own = name.regionMatches(true, 0, OWN_PREFIX, 0, OWN_PREFIX.length());
        if (!own && (Objects.equals(schemaName, rs.getString("TABLE_SCHEM")) || schemaName == null)) {
          names.add(name);
        }
      }
    }
    List<TableId> tables = new ArrayList<>();
    for (String name : names) {
      if (!primaryKey(metaData, catalog, schemaName, name).isEmpty()) {
        tables.add(new TableId(schema, name));
      }
    }
    tables.sort(Comparator.comparing(TableId::name, CanonicalValues::compareCodePoints));
    return tables;
  }

  /** The table's schema, or empty when the table does not exist or has no primary key. */
  public Optional<TableSchema> table(Connection connection, TableId table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schemaName = table.schema() != null ? table.schema() : schema != null ? schema : connection.getSchema();
    String catalog = catalog(connection, schemaName);
    List<Column> columns = columns(metaData, catalog, schemaName, table.name());
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    columns = dialect.refineColumns(connection, table, columns);
    List<String> key = primaryKey(metaData, catalog, schemaName, table.name());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TableSchema(table, columns, key, foreignKeys(metaData, catalog, schemaName, table)));
  }

  /**
   * The connection's catalog when no schema is known, else null (any catalog). MariaDB's driver
   * reports no schema and calls each database a catalog; asking with a null catalog there would list
   * the tables of every database on the server.
   */
  private static @Nullable String catalog(Connection connection, @Nullable String schemaName) throws SQLException {
    return schemaName == null ? connection.getCatalog() : null;
  }

  private List<Column> columns(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schemaName,
      String table) throws SQLException {
    Map<Integer, Column> byPosition = new TreeMap<>();
    try (ResultSet rs = metaData.getColumns(catalog, schemaName, table, "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        String typeName = Objects.requireNonNullElse(rs.getString("TYPE_NAME"), "");
        Column column = new Column(
            rs.getString("COLUMN_NAME"),
            dialect.jdbcType(rs.getInt("DATA_TYPE"), typeName),
            typeName,
            Math.max(0, rs.getInt("COLUMN_SIZE")),
            Math.max(0, rs.getInt("DECIMAL_DIGITS")),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
        byPosition.put(rs.getInt("ORDINAL_POSITION"), column);
      }
    }
    return List.copyOf(byPosition.values());
  }

  private static List<String> primaryKey(DatabaseMetaData metaData, @Nullable String catalog,
      @Nullable String schemaName, String table) throws SQLException {
    Map<Integer, String> bySequence = new TreeMap<>();
    try (ResultSet rs = metaData.getPrimaryKeys(catalog, schemaName, table)) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))) {
          bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
    }
    return List.copyOf(bySequence.values());
  }

  /**
   * Groups imported-key rows into foreign keys. Drivers disagree on row order and SQLite's reports
   * unnamed keys with an empty or wrong name, so a key is identified by its name and referenced
   * table, and a second KEY_SEQ 1 under the same identity starts another key.
   */
  private List<ForeignKey> foreignKeys(DatabaseMetaData metaData, @Nullable String catalog,
      @Nullable String schemaName, TableId table) throws SQLException {
    Map<String, List<ImportedColumn>> open = new LinkedHashMap<>();
    List<List<ImportedColumn>> keys = new ArrayList<>();
    try (ResultSet rs = metaData.getImportedKeys(catalog, schemaName, table.name())) {
      while (rs.next()) {
        ImportedColumn column = new ImportedColumn(
            Objects.requireNonNullElse(rs.getString("FK_NAME"), ""),
            referenced(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"), schemaName, table),
            rs.getInt("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"));
        String identity = column.name() + '\0' + column.table();
        List<ImportedColumn> key = open.get(identity);
        if (key == null || column.sequence() == 1 && key.stream().anyMatch(c -> c.sequence() == 1)) {
          key = new ArrayList<>();
          open.put(identity, key);
          keys.add(key);
        }
        key.add(column);
      }
    }
    List<ForeignKey> result = new ArrayList<>(keys.size());
    for (List<ImportedColumn> key : keys) {
      key.sort(Comparator.comparingInt(ImportedColumn::sequence));
      result.add(new ForeignKey(key.get(0).name(), key.stream().map(ImportedColumn::column).toList(),
          key.get(0).table(), key.stream().map(ImportedColumn::referencedColumn).toList()));
    }
    return result;
  }

  /** A referenced table in the same schema gets the same form of id as the referring table. */
  private static TableId referenced(@Nullable String refSchema, String refName, @Nullable String schemaName,
      TableId table) {
    return Objects.equals(refSchema, schemaName) ? new TableId(table.schema(), refName) : new TableId(refSchema, refName);
  }

  private record ImportedColumn(String name, TableId table, int sequence, String column, String referencedColumn) {}
}
