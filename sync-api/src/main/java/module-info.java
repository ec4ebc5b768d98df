/**
 * The TerraFusion Sync API: value types that describe tables, rows and changes, the job model, and
 * the service-provider interfaces that the engine is built from. Nothing runs in this module.
 */
module io.terrafusion.sync.api {
  requires static org.jspecify;
  requires transitive java.sql;

  exports io.terrafusion.sync.api;
  exports io.terrafusion.sync.spi;
}
