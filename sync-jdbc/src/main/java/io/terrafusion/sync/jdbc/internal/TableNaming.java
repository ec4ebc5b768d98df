package io.terrafusion.sync.jdbc.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of where a store of the library keeps its own tables (the state store's, the audit
 * store's): the schema and the prefix of the table names, as their builders take them. Stateless.
 */
public final class TableNaming {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,30}");

  private TableNaming() {}

  /** Adds a problem to {@code problems} when the schema is blank or holds a NUL character. */
  public static void checkSchema(String schema, List<String> problems) {
    if (schema.isBlank() || schema.indexOf('\0') >= 0) {
      problems.add("schema must be non-blank and free of NUL characters");
    }
  }

  /**
   * Adds a problem to {@code problems} unless the prefix is a letter or underscore followed by up to
   * 30 letters, digits and underscores, so that every table name built from it is a plain identifier.
   */
  public static void checkPrefix(String prefix, List<String> problems) {
    if (!PREFIX.matcher(prefix).matches()) {
      problems.add("tablePrefix must be a letter or underscore and up to 30 letters, digits and underscores"
          + " but was " + prefix);
    }
  }
}
