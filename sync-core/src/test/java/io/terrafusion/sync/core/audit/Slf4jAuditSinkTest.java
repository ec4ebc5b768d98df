package io.terrafusion.sync.core.audit;

import static io.terrafusion.sync.core.audit.AuditFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Slf4jAuditSinkTest {

  @Test
  void formatsARowEventAsKeyValuePairs() {
    String line = Slf4jAuditSink.format(AuditFixtures.rowEvent(AuditEventType.ROW_UPDATED, 42));

    assertThat(line).isEqualTo(
        "job=job-1 batch=3 type=ROW_UPDATED table=shop.orders key=\"(42, 'R-1')\" reason=\"changed at source\"");
  }

  @Test
  void neverLogsRowValues() {
    String line = Slf4jAuditSink.format(AuditFixtures.rowEvent(AuditEventType.ROW_UPDATED, 42));

    assertThat(line).doesNotContain(SECRET).doesNotContain("12.50").doesNotContain("13.00");
  }

  @Test
  void leavesOutWhatAJobEventLacks() {
    String line = Slf4jAuditSink.format(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));

    assertThat(line).isEqualTo("job=job-1 type=JOB_STARTED mode=FULL");
  }

  @Test
  void escapesQuotesAndLineBreaksInDetails() {
    AuditEvent event = AuditEvent.ofJob("j", AuditFixtures.AT, AuditEventType.JOB_FAILED,
        Map.of("reason", "bad \"x\"\nnext", "empty", ""));

    assertThat(Slf4jAuditSink.format(event))
        .isEqualTo("job=j type=JOB_FAILED empty=\"\" reason=\"bad \\\"x\\\"\\nnext\"")
        .doesNotContain("\n");
  }
}
