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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
