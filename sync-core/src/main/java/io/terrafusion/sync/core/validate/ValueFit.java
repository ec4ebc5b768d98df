package io.terrafusion.sync.core.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Which canonical Java forms a column of a JDBC type accepts. */
enum ValueFit {
  BOOLEAN {
    @Override
    boolean accepts(Object value) {
      return value instanceof Boolean;
    }
  },
  BIT {
    @Override
    boolean accepts(Object value) {
      return value instanceof Boolean || value instanceof byte[];
    }
  },
  INTEGRAL {
    @Override
    boolean accepts(Object value) {
      return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
          || value instanceof BigInteger
          || (value instanceof BigDecimal d && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0));
    }
  },
  NUMBER {
    @Override
    boolean accepts(Object value) {
      return value instanceof Number;
    }
  },
  TEXT {
    @Override
    boolean accepts(Object value) {
      return value instanceof String;
    }
  },
  BINARY {
    @Override
    boolean accepts(Object value) {
      return value instanceof byte[] || value instanceof UUID;
    }
  },
  DATE {
    @Override
    boolean accepts(Object value) {
      return value instanceof LocalDate;
    }
  },
  TIME {
    @Override
    boolean accepts(Object value) {
      return value instanceof LocalTime;
    }
  },
  TIME_WITH_ZONE {
    @Override
    boolean accepts(Object value) {
      return value instanceof OffsetTime;
    }
  },
  TIMESTAMP {
    @Override
    boolean accepts(Object value) {
      return value instanceof LocalDateTime;
    }
  },
  TIMESTAMP_WITH_ZONE {
    @Override
    boolean accepts(Object value) {
      return value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime;
    }
  },
  ANY {
    @Override
    boolean accepts(Object value) {
      return true;
    }
  };

  abstract boolean accepts(Object value);

  static ValueFit of(JDBCType type) {
    return switch (type) {
      case BOOLEAN -> BOOLEAN;
      case BIT -> BIT;
      case TINYINT, SMALLINT, INTEGER, BIGINT -> INTEGRAL;
      case DECIMAL, NUMERIC, REAL, FLOAT, DOUBLE -> NUMBER;
      case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> TEXT;
      case BINARY, VARBINARY, LONGVARBINARY, BLOB -> BINARY;
      case DATE -> DATE;
      case TIME -> TIME;
      case TIME_WITH_TIMEZONE -> TIME_WITH_ZONE;
      case TIMESTAMP -> TIMESTAMP;
      case TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_ZONE;
      default -> ANY;
    };
  }
}
