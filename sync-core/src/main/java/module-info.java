/**
 * The TerraFusion Sync engine: {@link io.terrafusion.sync.core.SyncEngine} and its builder, the
 * orchestrator, and the built-in detectors, transformers, validators, audit sinks and state store
 * that need no database, and the HTTP handlers a host mounts.
 */
module io.terrafusion.sync.core {
  requires transitive io.terrafusion.sync.api;
  requires static org.jspecify;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires dev.failsafe.core;
  requires transitive jdk.httpserver;
  requires static jakarta.servlet;

  exports io.terrafusion.sync.core;
  exports io.terrafusion.sync.core.audit;
  exports io.terrafusion.sync.core.detect;
  exports io.terrafusion.sync.core.http;
  exports io.terrafusion.sync.core.state;
  exports io.terrafusion.sync.core.transform;
  exports io.terrafusion.sync.core.validate;
}
