package io.terrafusion.sync.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves: it stands still unless advanced, or steps by a fixed amount on every reading
 * when given one. Thread-safe.
 */
final class ManualClock extends Clock {
  private final Duration step;
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock that stands still until advanced. */
  ManualClock() {
    this(Duration.ZERO);
  }

  /** A clock that moves by {@code step} on every reading. */
  ManualClock(Duration step) {
    this.step = step;
  }

  synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public synchronized Instant instant() {
    Instant read = now;
    now = now.plus(step);
    return read;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock has one zone");
  }
}
