package io.terrafusion.sync.jdbc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The primary-key values of the state tables: SHA-256 hex digests of the logical key's parts. A
 * digest has a fixed length, so any table name, row key or id fits every database's index limit, and
 * it is lower-case hex, so no collation can merge two different keys. Stateless and thread-safe.
 */
public final class StateIds {
  private StateIds() {}

  /** The digest of the parts, each length-prefixed so that no two part lists share a digest input. */
  public static String of(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
