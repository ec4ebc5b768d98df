package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The base hash of a row: SHA-256 of the canonical encoding of its values, truncated to 128 bits.
 * Stateless and thread-safe.
 */
public final class RowHasher {
  private RowHasher() {}

  /** The hash of a row's values in column order. */
  public static RowHash hash(Row row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 16 * row.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(row.size());
      for (int i = 0; i < row.size(); i++) {
        CanonicalValues.encode(row.get(i), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode row " + row.key() + " for hashing", e);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256().digest(bytes.toByteArray()));
    return new RowHash(digest.getLong(), digest.getLong());
  }

  /**
   * The base of a row whose conflict a person resolved by keeping the target's version: half of the
   * target row's hash beside half of the declined source row's hash, its bits flipped so that such a
   * base never equals a row's hash. The next sync, finding the base differs from the target's hash,
   * asks {@link #keptTarget(RowHash, Row)} before it calls the row a conflict. A null row stands for
   * no row: one absent at the target, or one the source deleted.
   */
  public static RowHash keepingTarget(@Nullable Row target, @Nullable Row declinedSource) {
    return new RowHash(half(target), ~half(declinedSource));
  }

  /**
   * Whether a base that differs from the target row's hash is one {@link #keepingTarget} made for
   * this very target row: the target is as the person kept it (64 bits of its hash agree).
   */
  public static boolean keptTarget(RowHash base, @Nullable Row target) {
    return base.high() == half(target);
  }

  /** Whether the source row is the version declined when the target's was kept. */
  public static boolean declined(RowHash keptBase, @Nullable Row source) {
    return keptBase.low() == ~half(source);
  }

  private static long half(@Nullable Row row) {
    return row == null ? 0L : hash(row).high();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
