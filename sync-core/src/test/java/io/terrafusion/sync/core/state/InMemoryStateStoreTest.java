package io.terrafusion.sync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {
  private static final TableId A = TableId.of("a");
  private static final TableId B = TableId.of("b");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryStateStore store = new InMemoryStateStore();

  @Test
  void checkpointsAreKeptPerTableAndDetector() {
    store.saveCheckpoint(new Checkpoint(A, "full", "1"));
    store.saveCheckpoint(new Checkpoint(A, "watermark", "2"));
    store.saveCheckpoint(new Checkpoint(A, "full", "3"));
    assertThat(store.checkpoint(A, "full")).map(Checkpoint::position).contains("3");
    store.clearCheckpoint(A, "full");
    assertThat(store.checkpoint(A, "full")).isEmpty();
    assertThat(store.checkpoint(A, "watermark")).isPresent();
  }

  @Test
  void baseHashesAreReplacedAndForgotten() {
    RowHash h1 = new RowHash(1, 1);
    RowHash h2 = new RowHash(2, 2);
    store.updateBaseHashes(A, Map.of(RowKey.of(1L), h1, RowKey.of(2L), h1), List.of());
    store.updateBaseHashes(A, Map.of(RowKey.of(1L), h2), List.of(RowKey.of(2L)));
    assertThat(store.baseHashes(A, List.of(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L))))
        .containsExactly(Map.entry(RowKey.of(1L), h2));
    assertThat(store.baseHashes(B, List.of(RowKey.of(1L)))).isEmpty();
  }

  @Test
  void deadLettersPageOldestFirstByTable() {
    for (int i = 0; i < 5; i++) {
      store.addDeadLetter(new DeadLetter("d" + i, "job", i % 2 == 0 ? A : B, RowKey.of((long) i), null, "r", T0));
    }
    assertThat(store.deadLetters(A, 1, 5)).extracting(DeadLetter::id).containsExactly("d2", "d4");
    assertThat(store.deadLetters(null, 0, 2)).extracting(DeadLetter::id).containsExactly("d0", "d1");
    assertThat(store.removeDeadLetter("d0")).isTrue();
    assertThat(store.removeDeadLetter("d0")).isFalse();
  }

  @Test
  void jobsAreListedMostRecentlySubmittedFirst() {
    store.saveJob(job("old", T0, JobState.QUEUED));
    store.saveJob(job("new", T0.plusSeconds(5), JobState.QUEUED));
    store.saveJob(job("old", T0, JobState.RUNNING));
    assertThat(store.jobs(0, 10)).extracting(JobStatus::jobId).containsExactly("new", "old");
    assertThat(store.jobs(1, 10)).extracting(JobStatus::jobId).containsExactly("old");
    assertThat(store.job("old")).map(JobStatus::state).contains(JobState.RUNNING);
  }

  @Test
  void rejectsNegativeOffset() {
    assertThatThrownBy(() -> store.jobs(-1, 1)).hasMessage("offset must be >= 0 but was -1");
  }

  @Test
  void rejectsZeroLimit() {
    assertThatThrownBy(() -> store.conflicts(null, 0, 0)).hasMessage("limit must be > 0 but was 0");
  }

  private static JobStatus job(String id, Instant submitted, JobState state) {
    return new JobStatus(id, state, SyncRequest.full(), submitted, null, null, List.of(), null);
  }
}
