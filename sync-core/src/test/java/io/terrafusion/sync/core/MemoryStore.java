package io.terrafusion.sync.core;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The "database" of the unit tests: a TreeMap of rows per table, keyset reads that honour the range,
 * the limit and projections, all-or-nothing applies, optional foreign-key enforcement, and a hook
 * called before each apply with its 1-based number (it may throw to fail that apply).
 */
final class MemoryStore implements TargetStore {
  private final String name;
  private final Map<TableId, TableSchema> schemas = new LinkedHashMap<>();
  private Map<TableId, TreeMap<RowKey, Row>> data = new HashMap<>();
  private boolean enforceForeignKeys;
  private IntConsumer beforeApply = n -> {};
  private int applies;
  private int rowsWritten;
  private int largestBatch;

  MemoryStore(String name) {
    this.name = name;
  }

  synchronized MemoryStore create(TableSchema schema) {
    schemas.put(schema.id(), schema);
    data.put(schema.id(), new TreeMap<>());
    return this;
  }

  synchronized MemoryStore put(TableId table, Object... values) {
    Row row = Row.of(schemas.get(table).layout(), values);
    data.get(table).put(row.key(), row);
    return this;
  }

  synchronized MemoryStore remove(TableId table, Object... key) {
    data.get(table).remove(RowKey.of(key));
    return this;
  }

  synchronized MemoryStore enforceForeignKeys() {
    enforceForeignKeys = true;
    return this;
  }

  synchronized void beforeApply(IntConsumer hook) {
    beforeApply = hook;
  }

  synchronized List<Row> rows(TableId table) {
    return List.copyOf(data.get(table).values());
  }

  synchronized Optional<Row> row(TableId table, Object... key) {
    return Optional.ofNullable(data.get(table).get(RowKey.of(key)));
  }

  synchronized int applies() {
    return applies;
  }

  synchronized int largestBatch() {
    return largestBatch;
  }

  synchronized int rowsWritten() {
    return rowsWritten;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized List<TableId> tables() {
    return schemas.keySet().stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
  }

  @Override
  public synchronized Optional<TableSchema> table(TableId table) {
    return Optional.ofNullable(schemas.get(table));
  }

  @Override
  public synchronized List<Row> read(TableSchema table, KeyRange range, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
    TreeMap<RowKey, Row> rows = data.get(table.id());
    var tail = range.after() == null ? rows : rows.tailMap(range.after(), false);
    List<Row> page = new ArrayList<>();
    for (Row row : tail.values()) {
      if (page.size() == limit || !range.contains(row.key())) {
        break;
      }
      page.add(project(row, table));
    }
    return page;
  }

  @Override
  public synchronized List<Row> fetch(TableSchema table, List<RowKey> keys) {
    TreeMap<RowKey, Row> rows = data.get(table.id());
    return keys.stream().sorted().map(rows::get).filter(r -> r != null).map(r -> project(r, table)).toList();
  }

  @Override
  public synchronized void createTable(TableSchema schema) {
    if (schemas.containsKey(schema.id())) {
      throw new DataAccessException("cannot create table " + schema.id() + ": it exists", schema.id(), null, "42S01", null);
    }
    create(new TableSchema(schema.id(), schema.columns(), schema.primaryKey(), List.of()));
  }

  @Override
  public synchronized void apply(TableSchema table, WriteBatch batch) {
    applies++;
    beforeApply.accept(applies);
    Map<TableId, TreeMap<RowKey, Row>> copy = new HashMap<>();
    data.forEach((id, rows) -> copy.put(id, new TreeMap<>(rows)));
    TreeMap<RowKey, Row> rows = copy.get(table.id());
    TableSchema full = schemas.get(table.id());
    batch.deletes().forEach(rows::remove);
    for (Row row : batch.upserts()) {
      if (!row.layout().equals(table.layout())) {
        throw new IllegalArgumentException("row layout " + row.layout() + " differs from " + table.layout());
      }
      Row old = rows.get(row.key());
      Map<String, Object> values = old == null ? new HashMap<>() : new HashMap<>(old.toMap());
      values.putAll(row.toMap());
      rows.put(row.key(), Row.fromMap(full.layout(), values));
    }
    if (enforceForeignKeys) {
      checkForeignKeys(copy);
    }
    data = copy;
    rowsWritten += batch.size();
    largestBatch = Math.max(largestBatch, batch.size());
  }

  private void checkForeignKeys(Map<TableId, TreeMap<RowKey, Row>> state) {
    for (TableSchema child : schemas.values()) {
      for (ForeignKey fk : child.foreignKeys()) {
        for (Row row : state.get(child.id()).values()) {
          List<Object> ref = new ArrayList<>();
          fk.columns().forEach(c -> ref.add(row.get(c)));
          if (ref.stream().allMatch(v -> v != null) && !state.get(fk.referencedTable()).containsKey(RowKey.of(ref))) {
            throw new DataAccessException("foreign key " + fk.name() + " of " + child.id() + " row " + row.key()
                + " refers to a missing " + fk.referencedTable() + " row", child.id(), row.key(), "23503", null);
          }
        }
      }
    }
  }

  private static Row project(Row row, TableSchema schema) {
    if (row.layout().equals(schema.layout())) {
      return row;
    }
    Map<String, Object> values = new HashMap<>();
    for (String column : schema.layout().columns()) {
      values.put(column, row.get(column));
    }
    return Row.fromMap(schema.layout(), values);
  }
}
