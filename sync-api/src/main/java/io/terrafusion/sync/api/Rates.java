package io.terrafusion.sync.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The arithmetic of progress rates and estimates, shared by the table and job progress. */
final class Rates {
  private Rates() {}

  static double perSecond(long rows, Duration elapsed) {
    long nanos = elapsed.toNanos();
    return rows <= 0 || nanos <= 0 ? 0 : rows * 1e9 / nanos;
  }

  /** (estimate − read) / rate, at least zero; null when the estimate is unknown or nothing was read. */
  static @Nullable Duration remaining(@Nullable Long estimate, long read, double rowsPerSecond) {
    if (estimate == null || rowsPerSecond <= 0) {
      return null;
    }
    return Duration.ofNanos((long) (Math.max(estimate - read, 0) / rowsPerSecond * 1e9));
  }
}
