package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.jdbc.internal.H2Dialect;
import io.terrafusion.sync.jdbc.internal.SqliteDialect;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.util.List;

/**
 * The built-in dialects.
 *
 * <p>This class is stateless and thread-safe; the dialects it returns are too.
 */
public final class Dialects {
  private static final Dialect H2 = new H2Dialect();
  private static final Dialect SQLITE = new SqliteDialect();

  private Dialects() {}

  /** H2 2.x, in any mode; handles databases whose product name is {@code H2}. */
  public static Dialect h2() {
    return H2;
  }

  /** SQLite 3.24 or later (for upserts); handles databases whose product name is {@code SQLite}. */
  public static Dialect sqlite() {
    return SQLITE;
  }

  /** Every built-in dialect, the candidates {@link JdbcStore#of} detects among. */
  public static List<Dialect> builtIns() {
    return List.of(H2, SQLITE);
  }
}
