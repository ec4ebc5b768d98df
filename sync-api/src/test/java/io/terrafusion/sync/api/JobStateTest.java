package io.terrafusion.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStateTest {

  @Test
  void aJobRunsThenEnds() {
    assertThat(JobState.QUEUED.moveTo(JobState.RUNNING)).isEqualTo(JobState.RUNNING);
    assertThat(JobState.RUNNING.canMoveTo(JobState.SUCCEEDED)).isTrue();
    assertThat(JobState.RUNNING.canMoveTo(JobState.FAILED)).isTrue();
    assertThat(JobState.RUNNING.canMoveTo(JobState.CANCELLED)).isTrue();
    assertThat(JobState.QUEUED.canMoveTo(JobState.CANCELLED)).isTrue();
  }

  @Test
  void aJobCannotSucceedWithoutRunning() {
    assertThatThrownBy(() -> JobState.QUEUED.moveTo(JobState.SUCCEEDED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a job cannot move from QUEUED to SUCCEEDED");
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
  void terminalStatesGoNowhere(JobState state) {
    assertThat(state.isTerminal()).isTrue();
    assertThat(state.next()).isEmpty();
    assertThatThrownBy(() -> state.moveTo(JobState.RUNNING)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reportNeedsATerminalState() {
    assertThatThrownBy(() -> new SyncReport("j", SyncMode.FULL, JobState.RUNNING, java.time.Instant.EPOCH,
            java.time.Instant.EPOCH, java.util.List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terminal");
  }
}
