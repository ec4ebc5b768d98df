package io.terrafusion.sync.api;

import java.util.Objects;

/**
 * Where a change detector resumes: an opaque position written and read by the detector that made
 * it, such as the last key of a full sync or the {@code (timestamp, key)} cursor of a watermark. The
 * engine saves a checkpoint only after the batch before it is durable at the target.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table
 * @param detector the {@linkplain io.terrafusion.sync.spi.ChangeDetector#name() name} of the detector
 *     that wrote it
 * @param position the detector's position; empty for "from the beginning"
 */
public record Checkpoint(TableId table, String detector, String position) {

  /** Validates the parts. */
  public Checkpoint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(position, "position");
    if (detector.isBlank()) {
      throw new IllegalArgumentException("detector must not be blank");
    }
  }

  /** The position "from the beginning" for a detector. */
  public static Checkpoint initial(TableId table, String detector) {
    return new Checkpoint(table, detector, "");
  }

  /**
   * This checkpoint, checked to be one the named detector wrote: a detector calls it on the checkpoint
   * it is given before reading the position.
   *
   * @throws IllegalArgumentException naming both detectors and the table, if another detector wrote it
   */
  public Checkpoint requireDetector(String name) {
    Objects.requireNonNull(name, "name");
    if (!detector.equals(name)) {
      throw new IllegalArgumentException("checkpoint of detector " + detector + " given to detector " + name
          + " for table " + table);
    }
    return this;
  }

  /** Whether this is the position "from the beginning". */
  public boolean isInitial() {
    return position.isEmpty();
  }
}
