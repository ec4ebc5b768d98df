package io.terrafusion.sync.core;

/**
 * What the engine does with a row it cannot write: one a transformer failed on, one a validator
 * rejected, or one the target refused for its values (SQLState classes 22, 23 and 44, found by
 * splitting the batch it was in while the other rows are applied).
 */
public enum DeadLetterPolicy {
  /**
   * Put the row in the state store's dead-letter store with its reason and go on; the row's key is
   * then left alone at the target (not deleted), as the row was set aside, not removed.
   */
  QUARANTINE,
  /**
   * Fail the job, naming the table, the key and the broken rule or the target's refusal. Batches
   * applied before stay applied, and so do the rows of the failing batch that the search for a
   * refused row applied before it found it.
   */
  FAIL
}
