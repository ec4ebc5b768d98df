package io.terrafusion.sync.testkit.watermark;

import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.SessionDataSource;
import io.terrafusion.sync.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A source database and an empty target of one server kind for the watermark tests. The source is
 * reached through connections whose session time zone is the one asked for, so that everything the
 * test writes and everything the detector reads happens in that zone.
 */
final class WatermarkSource implements AutoCloseable {
  /** The servers the tests run on. */
  enum Server { H2, POSTGRESQL, MARIADB }

  /** The Los Angeles zone, or the fixed offset where the server has no zone tables (MariaDB). */
  static final String PACIFIC = "America/Los_Angeles";

  private final Server server;
  private final DataSource dataSource;
  private final JdbcStore store;
  private final TestDatabase target;
  private final AutoCloseable cleanup;

  private WatermarkSource(Server server, DataSource dataSource, TestDatabase target, AutoCloseable cleanup) {
    this.server = server;
    this.dataSource = dataSource;
    this.store = JdbcStore.builder(dataSource).name(server.name().toLowerCase() + ":watermark-source").build();
    this.target = target;
    this.cleanup = cleanup;
  }

  /**
   * A fresh source and target on the server, named after {@code name}; skips the test when the
   * server is missing (fails under CI).
   *
   * @param zone the session time zone of the source connections: {@code UTC} or {@link #PACIFIC}
   */
  static WatermarkSource create(Server server, String name, String zone) {
    switch (server) {
      case H2 -> {
        JdbcDataSource ds = new JdbcDataSource();
        String db = name + "_" + ProcessHandle.current().pid();
        ds.setURL("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;TIME ZONE=" + zone);
        EmbeddedDatabase target = EmbeddedDatabase.h2();
        return new WatermarkSource(server, ds, target, () -> {
          try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
          }
        });
      }
      case POSTGRESQL -> {
        // A database of its own, not a schema of the shared one: the horizon counts the open
        // transactions of every session of the source database, and other test classes share that one.
        ServerDatabase.require(ServerDatabase.Kind.POSTGRESQL);
        String admin = ServerDatabase.Kind.POSTGRESQL.url();
        String database = name + "_src";
        postgresAdmin(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        ServerDatabase target = ServerDatabase.create(ServerDatabase.Kind.POSTGRESQL, name + "_dst");
        String url = withDatabase(admin, database);
        DataSource zoned = SessionDataSource.of(new DriverManagerDataSource(url.substring(0, url.length() - 1)),
            "SET TIME ZONE '" + zone + "'");
        return new WatermarkSource(server, zoned, target,
            () -> postgresAdmin(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
      }
      case MARIADB -> {
        ServerDatabase.require(ServerDatabase.Kind.MARIADB);
        ServerDatabase source = ServerDatabase.create(ServerDatabase.Kind.MARIADB, name + "_src");
        ServerDatabase target = ServerDatabase.create(ServerDatabase.Kind.MARIADB, name + "_dst");
        String offset = zone.equals("UTC") ? "+00:00" : "-08:00";
        String url = withDatabase(ServerDatabase.Kind.MARIADB.url(), source.name())
            + "sessionVariables=time_zone='" + offset + "'";
        return new WatermarkSource(server, new DriverManagerDataSource(url), target, source);
      }
      default -> throw new IllegalArgumentException("unknown server " + server);
    }
  }

  /** The URL with another database, ending in {@code ?} or {@code &} for one more parameter. */
  private static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query + 1) + "&";
    int path = base.indexOf('/', base.indexOf("//") + 2);
    return (path < 0 ? base : base.substring(0, path)) + "/" + database + "?" + params;
  }

  private static void postgresAdmin(String url, String... statements) {
    try (Connection c = new DriverManagerDataSource(url).getConnection(); var st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused " + String.join("; ", statements) + ": " + e.getMessage(), e);
    }
  }

  JdbcStore store() {
    return store;
  }

  TestDatabase target() {
    return target;
  }

  /** A connection to the source in the session time zone; the caller closes it. */
  Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** The SQL type of a column holding moments ({@code true}) or wall times. */
  String timestampType(boolean moment) {
    return switch (server) {
      case H2 -> moment ? "TIMESTAMP(6) WITH TIME ZONE" : "TIMESTAMP(6)";
      case POSTGRESQL -> moment ? "TIMESTAMPTZ(6)" : "TIMESTAMP(6)";
      case MARIADB -> moment ? "TIMESTAMP(6) NULL" : "DATETIME(6)";
    };
  }

  /** The SQL of the database's current time, as a moment or as wall time of the session. */
  String now(boolean moment) {
    return switch (server) {
      case H2, POSTGRESQL -> moment ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP";
      case MARIADB -> "NOW(6)";
    };
  }

  /** The SQL of the database's current time less some minutes. */
  String ago(boolean moment, int minutes) {
    return now(moment) + switch (server) {
      case H2 -> " - INTERVAL '" + minutes + "' MINUTE";
      case POSTGRESQL -> " - INTERVAL '" + minutes + " minutes'";
      case MARIADB -> " - INTERVAL " + minutes + " MINUTE";
    };
  }

  /**
   * Lets the database clock pass the margin the detector keeps for what the database may not show yet:
   * MariaDB refreshes {@code innodb_trx} at most every 0.1 s, so the detector stays 0.2 s behind its
   * clock. This waits for the clock to move, not for another thread; H2 and PostgreSQL need nothing.
   */
  void settle() {
    if (server == Server.MARIADB) {
      execute("DO SLEEP(0.25)");
    }
  }

  /** Runs statements on one source connection, each committed. */
  void execute(String... statements) {
    try (Connection c = connect()) {
      for (String sql : statements) {
        try (var st = c.createStatement()) {
          st.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the source: " + e.getMessage(), e);
    }
  }

  /** The integer keys of a table at the target, ascending. */
  List<Long> targetKeys(String table) {
    try (Connection c = target.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<Long> keys = new ArrayList<>();
      while (rs.next()) {
        keys.add(rs.getLong(1));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + table + " at the target: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws Exception {
    try (AutoCloseable source = cleanup; TestDatabase t = target) {
      store.close();
    }
  }
}
