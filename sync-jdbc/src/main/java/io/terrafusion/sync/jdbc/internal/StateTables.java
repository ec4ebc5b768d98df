package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The names and column types of a JDBC state store's tables: each named {@code <prefix><name>} in
 * one schema (or the connection's current one), quoted by the dialect. Immutable and thread-safe.
 *
 * @param dialect the database's dialect
 * @param schema the schema of the tables, or null for the connection's current one
 * @param prefix the prefix of every table name
 */
public record StateTables(Dialect dialect, @Nullable String schema, String prefix) {
  /** The table recording which migrations ran. */
  public static final String SCHEMA_VERSION = "schema_version";
  /** Checkpoints per source table and detector. */
  public static final String CHECKPOINTS = "checkpoints";
  /** Base row hashes per target table and key. */
  public static final String BASE_HASHES = "base_hashes";
  /** The conflict queue. */
  public static final String CONFLICTS = "conflicts";
  /** Dead letters. */
  public static final String DEAD_LETTERS = "dead_letters";
  /** Job history. */
  public static final String JOBS = "jobs";

  /** Validates the parts. */
  public StateTables {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The id of the named table (without prefix), qualified by the schema when there is one. */
  public TableId id(String name) {
    return new TableId(schema, prefix + name);
  }

  /** The named table (without prefix) for SQL: prefixed, qualified and quoted. */
  public String sql(String name) {
    return dialect.qualify(id(name));
  }

  /** A column name for SQL, quoted. */
  public String column(String name) {
    return dialect.quote(name);
  }

  /**
   * The type of a column holding text of any length. Key columns never have it: they hold hex
   * digests, so that long keys fit every database's index limit and MariaDB's case-insensitive
   * collations cannot merge two ids.
   */
  public String textType() {
    return switch (dialect.name()) {
      case "postgresql", "sqlite" -> "TEXT";
      case "mariadb" -> "LONGTEXT";
      default -> "CLOB";
    };
  }

  /** What follows the column list of a {@code CREATE TABLE}: MariaDB's character set, else nothing. */
  public String tableOptions() {
    return dialect.name().equals("mariadb") ? " DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin" : "";
  }
}
