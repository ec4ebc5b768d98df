package io.terrafusion.sync.api;

import java.util.Objects;

/**
 * How a {@link Conflict} ends: the source's version, the target's version, a merged row, or deferred
 * to a person (queued in the state store until resolved by hand).
 *
 * <p>Every implementation is an immutable record and thread-safe.
 */
public sealed interface Resolution
    permits Resolution.UseSource, Resolution.UseTarget, Resolution.UseRow, Resolution.Defer {

  /** Apply the source's change. */
  static Resolution useSource() {
    return UseSource.INSTANCE;
  }

  /**
   * Keep the target as it is. The engine remembers the decision: later syncs leave the row alone
   * while the source offers the same version, and take the source's row once it changes again
   * (a conflict again if the target's row changed as well).
   */
  static Resolution useTarget() {
    return UseTarget.INSTANCE;
  }

  /** Write this row, typically a merge of both versions. */
  static Resolution useRow(Row row) {
    return new UseRow(row);
  }

  /** Leave the target as it is and queue the conflict for a person, with a reason. */
  static Resolution defer(String reason) {
    return new Defer(reason);
  }

  /** Apply the source's change. */
  record UseSource() implements Resolution {
    static final UseSource INSTANCE = new UseSource();
  }

  /**
   * Keep the target as it is. The engine remembers the decision: later syncs leave the row alone
   * while the source offers the same version, and take the source's row once it changes again
   * (a conflict again if the target's row changed as well).
   */
  record UseTarget() implements Resolution {
    static final UseTarget INSTANCE = new UseTarget();
  }

  /**
   * Write this row.
   *
   * @param row the row to write; its key must be the conflict's key
   */
  record UseRow(Row row) implements Resolution {
    /** Validates the row. */
    public UseRow {
      Objects.requireNonNull(row, "row");
    }
  }

  /**
   * Queue the conflict for a person.
   *
   * @param reason why it cannot be decided automatically
   */
  record Defer(String reason) implements Resolution {
    /** Validates the reason. */
    public Defer {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
