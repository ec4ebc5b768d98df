package io.terrafusion.sync.core;

/**
 * What the engine does with a row it cannot write: one a transformer failed on, or one a validator
 * rejected.
 */
public enum DeadLetterPolicy {
  /**
   * Put the row in the state store's dead-letter store with its reason and go on; the row's key is
   * then left alone at the target (not deleted), as the row was set aside, not removed.
   */
  QUARANTINE,
  /** Fail the job, naming the table, the key and the broken rule. Batches applied before stay applied. */
  FAIL
}
