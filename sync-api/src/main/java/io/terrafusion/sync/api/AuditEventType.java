package io.terrafusion.sync.api;

/** What an {@link AuditEvent} records. */
public enum AuditEventType {
  /**
   * A job began; details hold the mode, the tables, the initiator (who or what asked for it) and the
   * options that shape its decisions: detectors, batch size, dead-letter policy, conflict resolver,
   * sensitive columns.
   */
  JOB_STARTED,
  /** A job finished with every table synced. */
  JOB_SUCCEEDED,
  /** A job stopped on an error; details hold the reason. */
  JOB_FAILED,
  /** A job was cancelled. */
  JOB_CANCELLED,
  /** The engine began a table. */
  TABLE_STARTED,
  /** The engine finished a table; details hold its counts. */
  TABLE_FINISHED,
  /** A row was inserted at the target. */
  ROW_INSERTED,
  /** A row was updated at the target; before and after are given. */
  ROW_UPDATED,
  /** A row was deleted at the target; before is given when known. */
  ROW_DELETED,
  /** A transformer dropped a row; it was not written. */
  ROW_FILTERED,
  /** A validator rejected a row; details hold the violations. */
  ROW_REJECTED,
  /** A row was put in the dead-letter store; details hold the reason. */
  ROW_DEAD_LETTERED,
  /** A row changed at both ends since the last sync. */
  CONFLICT_DETECTED,
  /** A conflict was resolved; details hold the resolution. */
  CONFLICT_RESOLVED,
  /** An operation is tried again after a transient failure. */
  RETRY,
  /** A circuit breaker opened. */
  CIRCUIT_OPENED,
  /** A circuit breaker closed. */
  CIRCUIT_CLOSED,
  /**
   * A validation ran (pre-flight checks, a comparison of source and target, or a table created at the
   * target); details hold its kind and result.
   */
  VALIDATION
}
