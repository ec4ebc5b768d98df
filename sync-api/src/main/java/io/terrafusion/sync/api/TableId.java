package io.terrafusion.sync.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The name of a table, optionally qualified by a schema (or catalog, on databases that call it so).
 *
 * <p>Names are kept exactly as given; they are quoted, never concatenated raw, when SQL is written.
 * This record is immutable and thread-safe.
 *
 * @param schema the schema, or {@code null} for the connection's default schema
 * @param name the table name
 */
public record TableId(@Nullable String schema, String name) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the name is blank, or either part is empty or holds a NUL
   *     character
   */
  public TableId {
    Objects.requireNonNull(name, "name");
    Identifiers.check("table name", name);
    if (schema != null) {
      Identifiers.check("schema name", schema);
    }
  }

  /**
   * A table in the connection's default schema.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static TableId of(String name) {
    return new TableId(null, name);
  }

  /**
   * A table in the given schema.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static TableId of(String schema, String name) {
    return new TableId(Objects.requireNonNull(schema, "schema"), name);
  }

  /** This table under another name in the same schema. */
  public TableId withName(String newName) {
    return new TableId(schema, newName);
  }

  /** {@code schema.name}, or {@code name} without a schema. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
