package io.terrafusion.sync.testkit.crash;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the last key from the position a full scan saves for a table with one BIGINT key column. */
final class FullScanPosition {
  private static final Pattern LAST_KEY = Pattern.compile("^\\[\\[\"Long\",\"(-?\\d+)\"]]$");

  private FullScanPosition() {}

  /**
   * The key of the position.
   *
   * @throws IllegalArgumentException if the position is not that of a single BIGINT key
   */
  static long key(String position) {
    Matcher m = LAST_KEY.matcher(position);
    if (!m.matches()) {
      throw new IllegalArgumentException("not the position of a single BIGINT key: " + position);
    }
    return Long.parseLong(m.group(1));
  }
}
