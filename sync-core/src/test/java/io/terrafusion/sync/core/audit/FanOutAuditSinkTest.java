package io.terrafusion.sync.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.spi.AuditSink;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FanOutAuditSinkTest {

  /** A sink whose every operation fails, counting the attempts. */
  private static final class FailingSink implements AuditSink {
    final AtomicInteger calls = new AtomicInteger();
    private final String name;

    FailingSink(String name) {
      this.name = name;
    }

    @Override
    public void record(AuditEvent event) {
      calls.incrementAndGet();
      throw new IllegalStateException(name + " failed");
    }

    @Override
    public void flush() {
      calls.incrementAndGet();
      throw new IllegalStateException(name + " failed");
    }
  }

  @Test
  void recordsToEverySink() {
    InMemoryAuditSink a = AuditSinks.inMemory();
    InMemoryAuditSink b = AuditSinks.inMemory();
    AuditEvent event = AuditFixtures.jobEvent(AuditEventType.JOB_STARTED);

    AuditSinks.fanOut(a, b).record(event);

    assertThat(a.events()).containsExactly(event);
    assertThat(b.events()).containsExactly(event);
  }

  @Test
  void continuesPastAFailingSinkAndThenReportsTheFailure() {
    InMemoryAuditSink before = AuditSinks.inMemory();
    FailingSink failing = new FailingSink("first");
    InMemoryAuditSink after = AuditSinks.inMemory();
    AuditEvent event = AuditFixtures.jobEvent(AuditEventType.JOB_STARTED);
    AuditSink fanOut = AuditSinks.fanOut(before, failing, after);

    assertThatThrownBy(() -> fanOut.record(event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("first failed");
    assertThat(before.events()).containsExactly(event);
    assertThat(after.events()).containsExactly(event);
  }

  @Test
  void laterFailuresAreSuppressedIntoTheFirst() {
    AuditSink fanOut = AuditSinks.fanOut(new FailingSink("first"), new FailingSink("second"));

    assertThatThrownBy(fanOut::flush)
        .hasMessage("first failed")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("second failed"));
  }

  @Test
  void closeReachesEverySinkDespiteAFailure() {
    FailingSink failing = new FailingSink("first");
    FailingSink second = new FailingSink("second");

    assertThatThrownBy(AuditSinks.fanOut(failing, second)::close).isInstanceOf(IllegalStateException.class);
    assertThat(failing.calls).hasValue(1);
    assertThat(second.calls).hasValue(1);
  }
}
