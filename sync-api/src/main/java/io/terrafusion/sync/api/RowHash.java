package io.terrafusion.sync.api;

import java.util.HexFormat;

/**
 * A 128-bit hash of a row's canonical encoding (see {@link CanonicalValues#encode}), kept as the
 * "base" of a row after each sync so that the next sync can tell whether the target's copy changed.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record RowHash(long high, long low) {

  /**
   * Parses the 32-hex-digit form of {@link #toString()}.
   *
   * @throws IllegalArgumentException if the text is not 32 hex digits
   */
  public static RowHash parse(String hex) {
    if (hex.length() != 32) {
      throw new IllegalArgumentException("a row hash has 32 hex digits but was " + hex.length() + " characters long");
    }
    return new RowHash(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
  }

  /** 32 lower-case hex digits. */
  @Override
  public String toString() {
    return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
  }
}
