package io.terrafusion.sync.testkit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobProgress;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableProgress.Phase;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDBC state store keeps a job's progress with its status. */
class JobProgressRecordsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void savedJobComesBackWithItsProgress() {
    TableProgress owners = TableProgress.measured(TableId.of("owners"), Phase.FINISHED, 40, 30, 5, 1, 4, 0,
        Duration.ofSeconds(4), 40L);
    TableProgress parcels = TableProgress.measured(TableId.of("county", "parcels"), Phase.RUNNING, 100, 90, 0, 0,
        9, 1, Duration.ofSeconds(10), null);
    JobProgress progress = JobProgress.of(List.of(owners, parcels), Duration.ofSeconds(14), false);
    JobStatus job = new JobStatus("job-1", JobState.RUNNING, SyncRequest.full(), T0, T0, null, List.of(), null,
        progress);
    try (EmbeddedDatabase h2 = EmbeddedDatabase.h2()) {
      JdbcStateStore.create(h2.dataSource()).saveJob(job);

      assertThat(JdbcStateStore.create(h2.dataSource()).jobs(0, 10)).containsExactly(job);
    }
  }
}
