package io.terrafusion.sync.api;

/** What a job compares. */
public enum SyncMode {
  /** Compare everything: the target ends as the transformed source, deletes included. */
  FULL,
  /** Move only what changed since the last checkpoint. */
  INCREMENTAL
}
