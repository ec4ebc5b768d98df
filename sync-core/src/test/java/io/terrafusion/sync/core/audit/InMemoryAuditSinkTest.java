package io.terrafusion.sync.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAuditSinkTest {

  @Test
  void keepsEventsInOrder() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    AuditEvent first = AuditFixtures.jobEvent(AuditEventType.JOB_STARTED);
    AuditEvent second = AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED);

    sink.record(first);
    sink.record(second);

    assertThat(sink.events()).containsExactly(first, second);
  }

  @Test
  void aSnapshotDoesNotSeeLaterEvents() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    List<AuditEvent> snapshot = sink.events();

    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    sink.clear();

    assertThat(snapshot).hasSize(1);
  }

  @Test
  void aSnapshotCannotBeModified() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    List<AuditEvent> snapshot = sink.events();
    AuditEvent event = AuditFixtures.jobEvent(AuditEventType.JOB_STARTED);

    assertThatThrownBy(() -> snapshot.add(event)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void clearForgetsEveryEvent() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));

    sink.clear();

    assertThat(sink.events()).isEmpty();
  }
}
