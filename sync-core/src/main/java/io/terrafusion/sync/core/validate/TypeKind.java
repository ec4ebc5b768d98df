package io.terrafusion.sync.core.validate;

import java.sql.JDBCType;
import java.util.Locale;

/**
 * The broad kind of a column type, for the schema check. Types within one kind can hold each other's
 * values, subject to per-row limits (length, precision) that the row check enforces.
 */
enum TypeKind {
  NUMBER,
  TEXT,
  TEMPORAL,
  BINARY,
  BOOLEAN,
  /** A type this check cannot judge, such as {@code OTHER} (JSON, UUID on some databases) or arrays. */
  UNKNOWN;

  static TypeKind of(JDBCType type) {
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, NUMERIC, REAL, FLOAT, DOUBLE -> NUMBER;
      case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> TEXT;
      case DATE, TIME, TIMESTAMP, TIME_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE -> TEMPORAL;
      case BINARY, VARBINARY, LONGVARBINARY, BLOB -> BINARY;
      case BOOLEAN, BIT -> BOOLEAN;
      default -> UNKNOWN;
    };
  }

  /** Whether values of this kind can be written to a column of kind {@code target}. */
  boolean fits(TypeKind target) {
    return this == target || this == UNKNOWN || target == UNKNOWN;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
