package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableProgress;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.spi.SyncListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's listeners as one: each call goes to every listener, guarded, so that a listener that
 * throws is logged and the sync goes on (invariant 7). Thread-safe as far as the listeners are.
 */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<SyncListener> listeners;

  /** The given listeners, called in order. */
  public Listeners(List<SyncListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Tells every listener that a job began running. */
  public void jobStarted(String jobId, SyncRequest request) {
    each("jobStarted", jobId, l -> l.jobStarted(jobId, request));
  }

  /** Tells every listener that a job ended. */
  public void jobFinished(SyncReport report) {
    each("jobFinished", report.jobId(), l -> l.jobFinished(report));
  }

  void tableStarted(String jobId, TableId table) {
    each("tableStarted", jobId, l -> l.tableStarted(jobId, table));
  }

  void batchApplied(String jobId, TableProgress progress) {
    each("batchApplied", jobId, l -> l.batchApplied(jobId, progress));
  }

  void tableFinished(String jobId, TableReport report) {
    each("tableFinished", jobId, l -> l.tableFinished(jobId, report));
  }

  void tableFailed(String jobId, TableProgress progress) {
    each("tableFailed", jobId, l -> l.tableFailed(jobId, progress));
  }

  private void each(String event, String jobId, Consumer<SyncListener> call) {
    for (SyncListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed on {} of job {}", listener.getClass().getName(), event, jobId, e);
      }
    }
  }
}
