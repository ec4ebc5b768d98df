package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The head of one hash chain: numbers each event and links it to the record before. Not thread-safe;
 * each sink calls it under its own lock, so that chain order is write order.
 */
final class AuditChain {
  private long sequence;
  private String lastHash;

  /** A chain whose last record has the given sequence and hash (0 and {@link AuditRecord#GENESIS} when empty). */
  AuditChain(long sequence, String lastHash) {
    this.sequence = sequence;
    this.lastHash = lastHash;
  }

  /** A chain going on after the given record. */
  static AuditChain after(AuditRecord last) {
    return new AuditChain(last.sequence(), last.hash());
  }

  /** An empty chain. */
  static AuditChain empty() {
    return new AuditChain(0, AuditRecord.GENESIS);
  }

  /** The record of the event as the next link of the chain. */
  AuditRecord append(AuditEvent event) {
    long next = sequence + 1;
    String body = AuditJson.body(next, lastHash, event);
    String hash = sha256(body);
    AuditRecord record = new AuditRecord(next, lastHash, hash, event.jobId(), event.batch(), event.at(), event.type(),
        event.table(), event.key(), body);
    sequence = next;
    lastHash = hash;
    return record;
  }

  /** A chain at this one's head, going on independently: a head to go back to. */
  AuditChain copy() {
    return new AuditChain(sequence, lastHash);
  }

  /** The lowercase hex SHA-256 of the text's UTF-8 bytes. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
