package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.TableSchema;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ChangeDetector} is given for one run over one table.
 *
 * <p>Detectors that only read the source (full scan, watermark, changelog) use {@code table},
 * {@code source}, {@code checkpoint} and {@code batchSize}. Detectors that compare the source with
 * the target (hash-diff) also need {@code target}, {@code targetTable} and {@code sourceColumns};
 * the engine always gives them.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the source table's schema
 * @param source the store to read
 * @param checkpoint where to resume; {@linkplain Checkpoint#isInitial() initial} for a first run
 * @param batchSize the most changes per batch
 * @param target the target store, for reading only; null when the detector runs without one
 * @param targetTable the target table projected onto the mapped columns, in the mapping's column
 *     order (the engine's write schema); null exactly when {@code target} is
 * @param sourceColumns for each column of {@code targetTable}, the source column whose values it
 *     holds unchanged ({@link RowMapping#sourceColumns()}); empty when the table's mapping computes,
 *     converts or filters, so that source and target values cannot be compared directly
 */
public record DetectionContext(
    TableSchema table,
    SourceStore source,
    Checkpoint checkpoint,
    int batchSize,
    @Nullable SourceStore target,
    @Nullable TableSchema targetTable,
    List<String> sourceColumns) {

  /**
   * Validates the parts and copies the column list.
   *
   * @throws IllegalArgumentException if {@code batchSize <= 0}, the checkpoint is of another table,
   *     only one of {@code target} and {@code targetTable} is given, or {@code sourceColumns} is
   *     neither empty nor one source column for each target column
   */
  public DetectionContext {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(checkpoint, "checkpoint");
    sourceColumns = List.copyOf(sourceColumns);
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 but was " + batchSize);
    }
    if (!checkpoint.table().equals(table.id())) {
      throw new IllegalArgumentException("checkpoint of " + checkpoint.table() + " given for table " + table.id());
    }
    if ((target == null) != (targetTable == null)) {
      throw new IllegalArgumentException("target and targetTable must be given together or not at all");
    }
    if (!sourceColumns.isEmpty()) {
      if (targetTable == null || sourceColumns.size() != targetTable.columns().size()) {
        throw new IllegalArgumentException("sourceColumns must name one source column per target column but gave "
            + sourceColumns + " for " + (targetTable == null ? "no target table" : targetTable.layout().columns()));
      }
      for (String column : sourceColumns) {
        if (table.column(column).isEmpty()) {
          throw new IllegalArgumentException("sourceColumns names " + column + " which table " + table.id() + " lacks");
        }
      }
    }
  }

  /** A context for a detector that only reads the source. */
  public DetectionContext(TableSchema table, SourceStore source, Checkpoint checkpoint, int batchSize) {
    this(table, source, checkpoint, batchSize, null, null, List.of());
  }

  /** Whether source and target values can be compared column by column ({@code sourceColumns} is given). */
  public boolean valuesComparable() {
    return !sourceColumns.isEmpty();
  }
}
