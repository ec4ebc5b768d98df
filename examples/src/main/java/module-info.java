/** Runnable examples of TerraFusion Sync; compiled against the exported API only. */
module io.terrafusion.sync.examples {
  requires io.terrafusion.sync.testkit;

  exports io.terrafusion.sync.examples;
}
