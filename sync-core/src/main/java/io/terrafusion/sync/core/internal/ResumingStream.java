package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.spi.ChangeStream;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change stream that survives transient failures of the source: a stream whose connection died
 * cannot go on, so it is closed and the detector opened again, from the checkpoint of the last batch
 * the pass committed when the pass saves checkpoints, else from where the pass began (such a pass is
 * idempotent). Every batch before the restart point was applied and acknowledged, so none is counted
 * twice. Reads run under the job's guard with the source's breaker, which so also counts the failures
 * of what a detector reads at the target (the hash-diff detector's checksums). Used by one thread at
 * a time.
 */
final class ResumingStream implements ChangeStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingStream.class);

  private final JobGuard guard;
  private final Function<Checkpoint, ChangeStream> opener;
  private final boolean followCommits;
  private final String operation;
  private Checkpoint restart;
  private @Nullable ChangeStream current;
  private boolean closed;

  /**
   * @param opener opens the detector from a checkpoint
   * @param start where the pass begins
   * @param followCommits whether to restart from the last committed batch rather than from {@code start}
   */
  ResumingStream(JobGuard guard, Function<Checkpoint, ChangeStream> opener, Checkpoint start, boolean followCommits) {
    this.guard = guard;
    this.opener = opener;
    this.restart = start;
    this.followCommits = followCommits;
    this.operation = "read changes of " + start.table();
  }

  @Override
  public boolean hasNext() {
    return !closed && read(() -> open().hasNext());
  }

  @Override
  public ChangeBatch next() {
    return read(() -> open().next());
  }

  @Override
  public void committed(ChangeBatch batch) {
    if (current != null) {
      current.committed(batch);
    }
    if (followCommits) {
      restart = batch.checkpoint();
    }
  }

  @Override
  public void close() {
    closed = true;
    discard();
  }

  private <T> T read(Supplier<T> step) {
    return guard.call(Resilience.SOURCE, operation, step, this::discard);
  }

  private ChangeStream open() {
    if (current == null) {
      current = opener.apply(restart);
    }
    return current;
  }

  /** Drops the broken stream; it is failing already, so a failure to close it is only logged. */
  private void discard() {
    ChangeStream broken = current;
    current = null;
    if (broken != null) {
      try {
        broken.close();
      } catch (RuntimeException e) {
        LOG.debug("closing a broken change stream of {} failed too", restart.table(), e);
      }
    }
  }
}
