package io.terrafusion.sync.core;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.spi.StateStore;
import java.util.List;

/** A state store that notes the state of every job status saved, and otherwise delegates. */
final class RecordingStateStore extends ForwardingStateStore {
  private final List<JobState> saved;

  RecordingStateStore(StateStore delegate, List<JobState> saved) {
    super(delegate);
    this.saved = saved;
  }

  @Override
  public void saveJob(JobStatus status) {
    synchronized (saved) {
      if (saved.isEmpty() || saved.get(saved.size() - 1) != status.state()) {
        saved.add(status.state());
      }
    }
    super.saveJob(status);
  }
}
