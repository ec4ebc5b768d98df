package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps every recorded event in memory, in the order recorded. Meant for tests and small tools: it
 * holds every event until {@link #clear()}.
 *
 * <p>This class is thread-safe.
 */
public final class InMemoryAuditSink implements AuditSink {
  private final List<AuditEvent> events = new ArrayList<>();

  InMemoryAuditSink() {}

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (events) {
      events.add(event);
    }
  }

  /** An immutable snapshot of the events recorded so far, in order; later events do not appear in it. */
  public List<AuditEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Forgets every event recorded so far. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }
}
