/**
 * The TerraFusion Sync testkit: embedded databases in one line, the sample county assessment
 * project with a data generator, and assertions that two stores hold the same rows.
 */
module io.terrafusion.sync.testkit {
  requires transitive io.terrafusion.sync.core;
  requires transitive io.terrafusion.sync.jdbc;
  requires transitive java.sql;
  requires static org.jspecify;
  requires com.h2database;
  requires org.xerial.sqlitejdbc;
  requires static org.junit.jupiter.api;

  exports io.terrafusion.sync.testkit;
}
