package io.terrafusion.sync.api;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One audit event as stored in a tamper-evident chain: the event's canonical JSON ({@code body}) and
 * its place in the chain. Each record holds the hash of the record before it, so editing, deleting or
 * reordering a stored record breaks the chain where it happened.
 *
 * <p>{@code body} is the whole truth and the only thing hashed: a JSON object that starts with {@code
 * "sequence"} and {@code "previousHash"} and goes on with the event's fields; {@code hash} is the
 * lowercase hex SHA-256 of its UTF-8 bytes. The other components repeat parts of the body so that a
 * store can index them; a verifier checks that they agree with the body.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param sequence the place in the chain, from 1 without gaps
 * @param previousHash the hash of the record before, or {@link #GENESIS} for the first
 * @param hash the SHA-256 of {@code body}, 64 lowercase hex digits
 * @param jobId the event's job
 * @param batch the event's batch, -1 for job- and table-level events
 * @param at the event's time, by the engine's clock
 * @param type the event's type
 * @param table the event's table, or null
 * @param key the event's row key, or null; null also when read back from a store that keeps no typed
 *     keys
 * @param body the canonical JSON the hash covers
 */
public record AuditRecord(
    long sequence,
    String previousHash,
    String hash,
    String jobId,
    long batch,
    Instant at,
    AuditEventType type,
    @Nullable TableId table,
    @Nullable RowKey key,
    String body) {
  /** The previous hash of a chain's first record: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if {@code sequence} is below 1 or a hash is not 64 lowercase hex
   *     digits
   */
  public AuditRecord {
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
    }
    if (!HASH.matcher(previousHash).matches()) {
      throw new IllegalArgumentException("previousHash must be 64 lowercase hex digits but was " + previousHash);
    }
    if (!HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("hash must be 64 lowercase hex digits but was " + hash);
    }
  }
}
