package io.terrafusion.sync.api;

/** What happened to a row at the source. */
public enum ChangeKind {
  /** The row is new. */
  INSERT,
  /** The row existed and changed. */
  UPDATE,
  /**
   * The source holds this row, and the detector does not know whether the target has it: a snapshot
   * read. The engine compares it with the target to decide between insert, update and nothing.
   */
  UPSERT,
  /** The row is gone. */
  DELETE
}
