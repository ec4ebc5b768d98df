package io.terrafusion.sync.api;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key: columns of one table that refer to columns of another. The engine uses foreign
 * keys to order tables, parents before children for upserts and children before parents for
 * deletes.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the constraint name, or an empty string when the database reports none
 * @param columns the referring columns, in constraint order
 * @param referencedTable the table referred to
 * @param referencedColumns the referred columns, in the same order as {@code columns}
 */
public record ForeignKey(String name, List<String> columns, TableId referencedTable, List<String> referencedColumns) {

  /**
   * Validates and copies the lists.
   *
   * @throws IllegalArgumentException if there are no columns or the two lists differ in length
   */
  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " must pair one or more columns with as many"
          + " referenced columns but had " + columns + " -> " + referencedColumns);
    }
  }
}
