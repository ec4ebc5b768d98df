package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.TableSchema;
import java.util.Objects;

/**
 * What a {@link ChangeDetector} is given for one run over one table.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table's schema
 * @param source the store to read
 * @param checkpoint where to resume; {@linkplain Checkpoint#isInitial() initial} for a first run
 * @param batchSize the most changes per batch
 */
public record DetectionContext(TableSchema table, SourceStore source, Checkpoint checkpoint, int batchSize) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if {@code batchSize <= 0}, or the checkpoint is of another table
   */
  public DetectionContext {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 but was " + batchSize);
    }
    if (!checkpoint.table().equals(table.id())) {
      throw new IllegalArgumentException("checkpoint of " + checkpoint.table() + " given for table " + table.id());
    }
  }
}
