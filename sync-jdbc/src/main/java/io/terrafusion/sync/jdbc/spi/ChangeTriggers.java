package io.terrafusion.sync.jdbc.spi;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.TableId;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Dialect} needs to write the change-capture triggers of one table: the table, its key
 * columns, the change table the triggers write to, and the names of the triggers.
 *
 * <p>The change table has the columns {@value #SEQ} (ascending, assigned by the database), {@value
 * #TABLE_NAME} (the {@linkplain #recordedName() recorded name} of the changed table), {@value
 * #OPERATION} ({@code I}, {@code U} or {@code D}), {@value #KEY_VALUES} (the row's key as a JSON
 * array, one element per key column, see {@link Dialect#createChangeTriggers}) and {@value #CHANGED_AT}
 * (when the change was recorded, for people reading the table).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the table, as SQL names it (qualified by its schema when it has one)
 * @param recordedName the table's name as the triggers record it in {@value #TABLE_NAME}
 * @param key the table's primary-key columns, in key order
 * @param changeTable the change table, as SQL names it
 * @param baseName the prefix of the names of the table's triggers (and of its trigger function,
 *     where the database needs one); the triggers are {@code <baseName>_ins}, {@code _upd} and
 *     {@code _del}
 */
public record ChangeTriggers(TableId table, String recordedName, List<Column> key, TableId changeTable, String baseName) {
  /** The sequence column of the change table. */
  public static final String SEQ = "seq";
  /** The column of the changed table's name. */
  public static final String TABLE_NAME = "table_name";
  /** The column of the operation: {@code I}, {@code U} or {@code D}. */
  public static final String OPERATION = "operation";
  /** The column of the changed row's key, a JSON array. */
  public static final String KEY_VALUES = "key_values";
  /** The column of the time the change was recorded. */
  public static final String CHANGED_AT = "changed_at";

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if the key is empty or the base name is blank
   */
  public ChangeTriggers {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(recordedName, "recordedName");
    Objects.requireNonNull(changeTable, "changeTable");
    Objects.requireNonNull(baseName, "baseName");
    key = List.copyOf(key);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("table " + table + " needs a primary key for change capture");
    }
    if (baseName.isBlank()) {
      throw new IllegalArgumentException("baseName must not be blank");
    }
  }

  /** The names of the insert, update and delete triggers, in that order. */
  public List<String> triggerNames() {
    return List.of(baseName + "_ins", baseName + "_upd", baseName + "_del");
  }

  /** A trigger or function of this table, named in the table's schema. */
  public TableId inSchema(String name) {
    return new TableId(table.schema(), name);
  }
}
