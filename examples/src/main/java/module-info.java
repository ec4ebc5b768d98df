/** Runnable examples of TerraFusion Sync and the {@code sync} command-line runner; compiled against the exported API only. */
module io.terrafusion.sync.examples {
  requires io.terrafusion.sync.testkit;
  requires static org.jspecify;

  exports io.terrafusion.sync.examples;
  exports io.terrafusion.sync.examples.cli;
}
