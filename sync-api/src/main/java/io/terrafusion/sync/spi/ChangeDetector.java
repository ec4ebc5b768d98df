package io.terrafusion.sync.spi;

/**
 * Finds what changed at the source and yields it as bounded batches, each followed by the
 * checkpoint from which detection resumes once the batch is applied.
 *
 * <p>Implementations are thread-safe and hold no per-run state: each {@link #open} is a separate
 * run. A detector must never lose a change: a change it has not yet yielded stays after the last
 * checkpoint it wrote.
 */
public interface ChangeDetector {

  /**
   * A short stable name, such as {@code full} or {@code watermark}; it is stored with checkpoints,
   * so a checkpoint is only given back to the detector that wrote it.
   */
  String name();

  /**
   * Starts detection for one table from the context's checkpoint.
   *
   * @throws io.terrafusion.sync.api.DataAccessException if the source cannot be read
   */
  ChangeStream open(DetectionContext context);
}
