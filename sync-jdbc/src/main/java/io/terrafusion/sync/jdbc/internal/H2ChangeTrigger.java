package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.api.Trigger;
import org.h2.tools.TriggerAdapter;

/**
 * The row trigger {@link H2Dialect#createChangeTriggers} installs: records the key of each inserted,
 * updated and deleted row in the change table beside the table. H2 makes one instance per trigger
 * and calls it inside the changing transaction; the key columns are read once, in {@link #init}.
 * Rows arrive as result sets ({@link TriggerAdapter}), so temporal keys are read exactly as {@code
 * java.time} values, with no detour through the JVM's default time zone.
 */
public final class H2ChangeTrigger extends TriggerAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final H2Dialect DIALECT = new H2Dialect();

  // Set once in init; volatile because H2 may fire the trigger from other sessions' threads.
  private volatile int[] keyPositions = new int[0];
  private volatile ChangeKeyKind[] keyKinds = new ChangeKeyKind[0];
  private volatile String insertSql = "";

  /** For H2, which instantiates triggers by class name. */
  public H2ChangeTrigger() {}

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    super.init(connection, schema, trigger, table, before, type);
    DatabaseMetaData metaData = connection.getMetaData();
    Map<Integer, String> keyColumns = new TreeMap<>();
    try (ResultSet rs = metaData.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        keyColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    Map<String, Integer> positions = new HashMap<>();
    Map<String, Column> columns = new HashMap<>();
    try (ResultSet rs = metaData.getColumns(null, schema, table, null)) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        if (rs.getString("TABLE_NAME").equals(table) && rs.getString("TABLE_SCHEM").equals(schema)) {
          positions.put(name, rs.getInt("ORDINAL_POSITION"));
          columns.put(name, new Column(name, DIALECT.jdbcType(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
              rs.getString("TYPE_NAME"), 0, 0, true));
        }
      }
    }
    if (keyColumns.isEmpty()) {
      throw new SQLException("table " + schema + "." + table + " has no primary key for change capture");
    }
    List<String> key = new ArrayList<>(keyColumns.values());
    int[] newPositions = new int[key.size()];
    ChangeKeyKind[] newKinds = new ChangeKeyKind[key.size()];
    for (int i = 0; i < key.size(); i++) {
      newPositions[i] = positions.get(key.get(i));
      newKinds[i] = ChangeKeyKind.of(columns.get(key.get(i)));
    }
    keyPositions = newPositions;
    keyKinds = newKinds;
    insertSql = "INSERT INTO " + DIALECT.qualify(new TableId(schema, ChangeCapture.CHANGE_TABLE))
        + ChangeCaptureSql.columns(DIALECT) + " VALUES (?, ?, ?)";
  }

  @Override
  public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
    if (type == Trigger.INSERT) {
      record(connection, 'I', key(newRow));
    } else if (type == Trigger.DELETE) {
      record(connection, 'D', key(oldRow));
    } else {
      String oldKey = key(oldRow);
      String newKey = key(newRow);
      if (!oldKey.equals(newKey)) {
        record(connection, 'D', oldKey);
      }
      record(connection, 'U', newKey);
    }
  }

  private String key(ResultSet row) throws SQLException {
    ArrayNode key = JSON.createArrayNode();
    int[] positions = keyPositions;
    ChangeKeyKind[] kinds = keyKinds;
    for (int i = 0; i < positions.length; i++) {
      kinds[i].record(key, row, positions[i]);
    }
    return key.toString();
  }

  private void record(Connection connection, char operation, String key) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
      insert.setString(1, tableName);
      insert.setString(2, String.valueOf(operation));
      insert.setString(3, key);
      insert.executeUpdate();
    }
  }
}
