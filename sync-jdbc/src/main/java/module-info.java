/**
 * JDBC stores for TerraFusion Sync, on JDBI: {@link io.terrafusion.sync.jdbc.JdbcStore} reads and
 * writes the tables of an H2, SQLite or PostgreSQL database through a {@link javax.sql.DataSource}.
 * Dialects are plug-in objects ({@link io.terrafusion.sync.jdbc.spi.Dialect}); JDBI stays internal.
 */
module io.terrafusion.sync.jdbc {
  requires transitive io.terrafusion.sync.api;
  requires java.sql;
  requires org.jdbi.v3.core;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;
  requires static org.postgresql.jdbc;
  requires static org.mariadb.jdbc;
  requires static com.h2database;

  exports io.terrafusion.sync.jdbc;
  exports io.terrafusion.sync.jdbc.spi;
  // H2 instantiates the change-capture trigger class by name.
  exports io.terrafusion.sync.jdbc.internal to com.h2database;
}
