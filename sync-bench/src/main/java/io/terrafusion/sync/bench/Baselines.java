package io.terrafusion.sync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The baselines: the databases' own fastest paths driven from Java, against which the sync cases are
 * measured. Each copies the whole parcels table into an empty one.
 */
final class Baselines {
  private static final int BATCH = 2000;
  private static final String MARIADB_COLUMNS = "(id, parcel_no, owner_name, situs, land_use, land_value,"
      + " improvement_value, acres, @active, updated_at, attributes, notes) SET active = (@active = 't')";

  private Baselines() {}

  /** H2 has no bulk path: a streamed SELECT into batched INSERTs committed every 2,000 rows. */
  static void jdbcCopy(DataSource from, DataSource to) throws SQLException {
    try (Connection in = from.getConnection(); Connection out = to.getConnection();
        Statement select = in.createStatement();
        PreparedStatement insert = out.prepareStatement("INSERT INTO parcels VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      out.setAutoCommit(false);
      select.setFetchSize(BATCH);
      try (ResultSet rs = select.executeQuery("SELECT * FROM parcels ORDER BY id")) {
        int pending = 0;
        while (rs.next()) {
          for (int i = 1; i <= 12; i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            out.commit();
            pending = 0;
          }
        }
        insert.executeBatch();
        out.commit();
      }
    }
  }

  /** PostgreSQL {@code COPY ... TO STDOUT} piped into {@code COPY ... FROM STDIN}. */
  static void postgresCopy(DataSource from, DataSource to) throws SQLException {
    try (Connection in = from.getConnection(); Connection out = to.getConnection()) {
      pipe(sink -> in.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY parcels TO STDOUT", sink),
          source -> out.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY parcels FROM STDIN", source));
    }
  }

  /**
   * PostgreSQL {@code COPY ... TO STDOUT} (its text format: tabs, backslash escapes, {@code \N} for
   * NULL, which is MariaDB's default format too) piped into MariaDB {@code LOAD DATA LOCAL INFILE}.
   */
  static void postgresToMariaDb(DataSource from, DataSource to) throws SQLException {
    try (Connection in = from.getConnection(); Connection out = to.getConnection()) {
      pipe(sink -> in.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY parcels TO STDOUT", sink),
          source -> {
            try (Statement st = out.createStatement()) {
              st.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(source);
              st.execute("LOAD DATA LOCAL INFILE 'parcels.tsv' INTO TABLE parcels " + MARIADB_COLUMNS);
            }
          });
    }
  }

  @FunctionalInterface
  private interface Producer {
    void writeTo(PipedOutputStream sink) throws SQLException, IOException;
  }

  @FunctionalInterface
  private interface Consumer {
    void readFrom(InputStream source) throws SQLException, IOException;
  }

  private static void pipe(Producer producer, Consumer consumer) throws SQLException {
    try (PipedInputStream source = new PipedInputStream(1 << 16); PipedOutputStream sink = new PipedOutputStream(source)) {
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try (sink) {
          producer.writeTo(sink);
        } catch (SQLException | IOException e) {
          throw new CompletionException(e);
        }
      });
      consumer.readFrom(source);
      writing.join();
    } catch (IOException e) {
      throw new SQLException("baseline pipe failed: " + e.getMessage(), e);
    }
  }
}
