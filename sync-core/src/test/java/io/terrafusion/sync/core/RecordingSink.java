package io.terrafusion.sync.core;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;

/** An audit sink that keeps every event. */
final class RecordingSink implements AuditSink {
  private final List<AuditEvent> events = new ArrayList<>();
  private int flushes;

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void flush() {
    flushes++;
  }

  synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<AuditEventType> types() {
    return events.stream().map(AuditEvent::type).toList();
  }

  synchronized int flushes() {
    return flushes;
  }
}
