package io.terrafusion.sync.jdbc.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes audit rows with PostgreSQL's {@code COPY ... FROM STDIN} in text format, several times
 * faster than batched INSERTs for the large batches a full sync audits. Kept apart so that the
 * PostgreSQL driver is only loaded on PostgreSQL. Stateless and thread-safe.
 */
public final class PostgresAuditCopy {
  private static final int BUFFER = 64 * 1024;

  private PostgresAuditCopy() {}

  /**
   * Copies the rows, each a value per column of {@code sql}'s column list (null for NULL), over the
   * connection, in its current transaction.
   */
  public static void copy(Connection connection, String sql, List<@Nullable String[]> rows) throws SQLException {
    PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER);
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            out.write('\t');
          }
          write(out, row[i]);
        }
        out.write('\n');
      }
      out.flush();
      copy.endCopy();
    } catch (IOException e) {
      cancel(copy, e);
      if (e.getCause() instanceof SQLException refused) {
        throw refused;
      }
      throw new SQLException("COPY of audit records failed while streaming them", "08006", e);
    } catch (RuntimeException | SQLException e) {
      cancel(copy, e);
      throw e;
    }
  }

  private static void write(Writer out, @Nullable String value) throws IOException {
    if (value == null) {
      out.write("\\N");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
  }

  private static void cancel(PGCopyOutputStream copy, Exception failure) {
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
