package io.terrafusion.sync.api;

import java.sql.JDBCType;
import java.util.Objects;

/**
 * The metadata of one column, as introspected from a database or declared by a transformer.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the column name, exactly as the database reports it
 * @param jdbcType the JDBC type; {@link JDBCType#OTHER} where the driver reports no standard one
 * @param typeName the database's own type name, such as {@code varchar} or {@code jsonb}
 * @param size the declared length or precision, or 0 when the type has none
 * @param scale the declared scale of a numeric column, or 0
 * @param nullable whether the column accepts NULL
 */
public record Column(String name, JDBCType jdbcType, String typeName, int size, int scale, boolean nullable) {

  /**
   * Validates the metadata.
   *
   * @throws IllegalArgumentException if the name is blank or size or scale is negative
   */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jdbcType, "jdbcType");
    Objects.requireNonNull(typeName, "typeName");
    Identifiers.check("column name", name);
    if (size < 0) {
      throw new IllegalArgumentException("size of column " + name + " must be >= 0 but was " + size);
    }
    if (scale < 0) {
      throw new IllegalArgumentException("scale of column " + name + " must be >= 0 but was " + scale);
    }
  }

  /** A nullable column of the given JDBC type with no declared size, named by the JDBC type. */
  public static Column of(String name, JDBCType jdbcType) {
    return new Column(name, jdbcType, jdbcType.getName(), 0, 0, true);
  }

  /** This column under another name. */
  public Column withName(String newName) {
    return new Column(newName, jdbcType, typeName, size, scale, nullable);
  }

  /** This column with the given nullability. */
  public Column withNullable(boolean isNullable) {
    return new Column(name, jdbcType, typeName, size, scale, isNullable);
  }
}
