package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.spi.ChangeTriggers;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiFunction;

/** The pieces of change-capture SQL that the built-in dialects share; they differ in the expressions passed in. */
final class ChangeCaptureSql {
  private ChangeCaptureSql() {}

  /** A string literal in standard SQL, quotes doubled. */
  /** DROP TRIGGER IF EXISTS of each trigger by its schema-qualified name, for databases that name triggers per schema. */
  static List<String> dropSchemaTriggers(Dialect dialect, ChangeTriggers triggers) {
    List<String> statements = new ArrayList<>();
    for (String name : triggers.triggerNames()) {
      statements.add("DROP TRIGGER IF EXISTS " + dialect.qualify(triggers.inSchema(name)));
    }
    return statements;
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The column list of a change row written by a trigger. */
  static String columns(Dialect dialect) {
    return " (" + dialect.quote(ChangeTriggers.TABLE_NAME) + ", " + dialect.quote(ChangeTriggers.OPERATION) + ", "
        + dialect.quote(ChangeTriggers.KEY_VALUES) + ")";
  }

  /**
   * The arguments of the JSON array of a row's key: for each key column, {@code value} applied to its
   * kind and its reference {@code <row>.<column>}.
   */
  static String keyArguments(Dialect dialect, ChangeTriggers triggers, String row,
      BiFunction<ChangeKeyKind, String, String> value) {
    StringJoiner arguments = new StringJoiner(", ");
    for (Column column : triggers.key()) {
      arguments.add(value.apply(ChangeKeyKind.of(column), row + "." + dialect.quote(column.name())));
    }
    return arguments.toString();
  }

  /** Compares one key column of the old and the new row. */
  @FunctionalInterface
  interface KeyComparison {
    String same(Column column, String old, String now);
  }

  /** Whether the key of the old row equals that of the new, each column compared by {@code same}. */
  static String sameKey(Dialect dialect, ChangeTriggers triggers, KeyComparison same) {
    StringJoiner all = new StringJoiner(" AND ", "(", ")");
    for (Column column : triggers.key()) {
      String quoted = dialect.quote(column.name());
      all.add(same.same(column, "OLD." + quoted, "NEW." + quoted));
    }
    return all.toString();
  }
}
