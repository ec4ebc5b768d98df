package io.terrafusion.sync.core.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditVerifier} found in a chain: how many records it read and the first break, if any.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param checked the records read
 * @param firstBreak the first break in chain order, or null when the chain is whole
 */
public record AuditVerification(long checked, @Nullable Break firstBreak) {

  /** How a chain is broken. */
  public enum Kind {
    /** A record's content does not match its hash, or the next record's link to it. */
    ALTERED,
    /** A record is absent: the chain goes on after it without it. */
    MISSING,
    /** A record is out of place: it comes later (or twice) in the chain. */
    REORDERED
  }

  /**
   * The first break of a chain.
   *
   * @param kind what is wrong
   * @param sequence the sequence number of the record at fault
   * @param message a sentence for people, naming the record and, for files, the file and line
   */
  public record Break(Kind kind, long sequence, String message) {
    /** Validates the parts. */
    public Break {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Whether the chain is whole. */
  public boolean valid() {
    return firstBreak == null;
  }
}
