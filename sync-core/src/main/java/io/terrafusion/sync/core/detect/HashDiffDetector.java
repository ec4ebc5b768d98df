package io.terrafusion.sync.core.detect;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hash-diff detector, named {@value #NAME}: compares the source with the target through segment
 * checksums computed inside both databases ({@link SegmentChecksums}), and reads rows only where
 * they differ, so that its cost follows the number of differences rather than the table size.
 *
 * <p>A run splits the source's key range into segments of {@linkplain Builder#segmentRows segment
 * rows}, asks the target for the checksums of the same ranges, and skips every segment whose rows
 * and checksum agree. A differing segment is handled by what the two sides hold:
 *
 * <ul>
 *   <li>the target holds no rows: the source rows are yielded as <em>snapshot</em> batches of the
 *       batch size, so the engine takes its bulk-insert path;
 *   <li>the source holds no rows: one snapshot batch without changes per batch size of target rows,
 *       so the engine deletes them;
 *   <li>both hold at most {@linkplain Builder#leafRows leaf rows}: the rows of both are read and
 *       only the real differences are yielded, as plain INSERT, UPDATE (with the source row) and
 *       DELETE (with the key) changes, several segments sharing a batch of up to the batch size;
 *   <li>otherwise the segment is split again into {@linkplain Builder#fanOut fan-out} parts, by the
 *       side holding more rows, and each part is handled the same way.
 * </ul>
 *
 * <p>Segments are visited depth-first in ascending key order, so batches come in key order and each
 * batch's checkpoint (the last key up to which everything is done) lets an interrupted run resume
 * there. A run is a full comparison: once it has covered every key, its last batch carries the
 * {@linkplain Checkpoint#isInitial() initial} checkpoint, so that the next run starts over. Memory
 * is bounded by the batch size and the top-level segment list (the source's rows divided by the
 * segment rows); deeper levels are split only when visited.
 *
 * <p>It needs a target in the context, both stores offering checksums of the same {@linkplain
 * SegmentChecksums#algorithm() algorithm}, and a mapping that carries values unchanged ({@link
 * DetectionContext#valuesComparable()}). Without them it falls back to the {@linkplain
 * FullScanDetector full scan}'s snapshot batches, logging why at INFO once per run: correct, only
 * slower.
 *
 * <p>This class is immutable and thread-safe; each {@link #open} is an independent run whose stream
 * is used by one thread at a time.
 */
public final class HashDiffDetector implements ChangeDetector {
  /** The detector's name, stored with its checkpoints. */
  public static final String NAME = "hashdiff";
  /** The default number of parts a differing segment is split into. */
  public static final int DEFAULT_FAN_OUT = 16;

  private static final Logger LOG = LoggerFactory.getLogger(HashDiffDetector.class);
  /** A tunable left to be derived from the run's batch size. */
  private static final int DERIVED = 0;
  private static final HashDiffDetector DEFAULTS = new HashDiffDetector(DERIVED, DEFAULT_FAN_OUT, DERIVED);

  private final int segmentRows;
  private final int fanOut;
  private final int leafRows;

  private HashDiffDetector(int segmentRows, int fanOut, int leafRows) {
    this.segmentRows = segmentRows;
    this.fanOut = fanOut;
    this.leafRows = leafRows;
  }

  /** The detector with every tunable at its default. */
  public static HashDiffDetector create() {
    return DEFAULTS;
  }

  /** A builder to choose the tunables; those not set keep their defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Whether a run on this context compares checksums, rather than falling back to a full scan: the
   * context has a target, both stores offer checksums of the same algorithm, and source and target
   * values are comparable.
   */
  public boolean comparesChecksums(DetectionContext context) {
    Objects.requireNonNull(context, "context");
    return obstacle(context).isEmpty();
  }

  /**
   * Starts a comparison after the context's checkpoint, or from the first key when it is initial.
   *
   * @throws IllegalArgumentException if the checkpoint was not written by this detector or its
   *     position is not a key
   */
  @Override
  public ChangeStream open(DetectionContext context) {
    Objects.requireNonNull(context, "context");
    Checkpoint checkpoint = context.checkpoint().requireDetector(NAME);
    RowKey start = checkpoint.isInitial() ? null : KeyCodec.decode(checkpoint.position());
    Optional<String> obstacle = obstacle(context);
    if (obstacle.isPresent()) {
      LOG.info("hash-diff of table {} runs as a full scan: {}", context.table().id(), obstacle.get());
      Checkpoint asFullScan = new Checkpoint(checkpoint.table(), FullScanDetector.NAME, checkpoint.position());
      DetectionContext scan = new DetectionContext(context.table(), context.source(), asFullScan, context.batchSize());
      return new FullScanRun(FullScanDetector.create().open(scan));
    }
    int batchSize = context.batchSize();
    int leaf = leafRows != DERIVED ? leafRows : Math.max(1, batchSize / 4);
    int top = segmentRows != DERIVED ? segmentRows : (int) Math.min(Integer.MAX_VALUE, 64L * batchSize);
    return new Bisection(new Bisection.Sides(context, checksums(context.source()), checksums(context.target()),
        targetColumns(context)), new Bisection.Sizes(batchSize, top, fanOut, leaf), start);
  }

  private static Optional<String> obstacle(DetectionContext context) {
    SourceStore target = context.target();
    if (target == null) {
      return Optional.of("the run has no target to compare with");
    }
    if (!context.valuesComparable()) {
      return Optional.of("the table's mapping computes, converts or filters values, so source and target checksums"
          + " cannot agree");
    }
    Optional<SegmentChecksums> source = context.source().segmentChecksums();
    Optional<SegmentChecksums> other = target.segmentChecksums();
    if (source.isEmpty() || other.isEmpty()) {
      return Optional.of("the " + (source.isEmpty() ? "source store " + context.source().name()
          : "target store " + target.name()) + " computes no segment checksums");
    }
    if (!source.get().algorithm().equals(other.get().algorithm())) {
      return Optional.of("the source checksums (" + source.get().algorithm() + ") and the target checksums ("
          + other.get().algorithm() + ") use different algorithms");
    }
    return Optional.empty();
  }

  private static SegmentChecksums checksums(@Nullable SourceStore store) {
    return Objects.requireNonNull(store, "store").segmentChecksums()
        .orElseThrow(() -> new IllegalStateException("store " + store.name() + " lost its segment checksums"));
  }

  private static List<String> targetColumns(DetectionContext context) {
    TableSchema targetTable = Objects.requireNonNull(context.targetTable(), "targetTable");
    return targetTable.columns().stream().map(Column::name).toList();
  }

  /** The full scan's batches with this detector's checkpoints, the last one initial. */
  private static final class FullScanRun implements ChangeStream {
    private final ChangeStream scan;

    FullScanRun(ChangeStream scan) {
      this.scan = scan;
    }

    @Override
    public boolean hasNext() {
      return scan.hasNext();
    }

    @Override
    public ChangeBatch next() {
      ChangeBatch batch = scan.next();
      var range = Objects.requireNonNull(batch.snapshotRange(), "snapshotRange");
      Checkpoint checkpoint = range.upTo() == null
          ? Checkpoint.initial(batch.table(), NAME)
          : new Checkpoint(batch.table(), NAME, batch.checkpoint().position());
      return new ChangeBatch(batch.table(), batch.sequence(), batch.changes(), range, checkpoint);
    }

    @Override
    public void close() {
      scan.close();
    }
  }

  /**
   * Chooses the tunables of a {@link HashDiffDetector}. Not thread-safe; the detectors it builds are
   * independent of it.
   */
  public static final class Builder {
    private @Nullable Integer segmentRows;
    private int fanOut = DEFAULT_FAN_OUT;
    private @Nullable Integer leafRows;

    private Builder() {}

    /**
     * The source rows of each top-level segment. Default: 64 times the batch size. Must be > 0,
     * checked by {@link #build()}.
     */
    public Builder segmentRows(int rows) {
      this.segmentRows = rows;
      return this;
    }

    /**
     * Into how many parts a differing segment too large to compare row by row is split. Default
     * {@value #DEFAULT_FAN_OUT}. Must be >= 2, checked by {@link #build()}.
     */
    public Builder fanOut(int parts) {
      this.fanOut = parts;
      return this;
    }

    /**
     * The most rows each side of a differing segment may hold for it to be compared row by row
     * rather than split again; the rows read per difference are at most this many on each side.
     * Default: a quarter of the batch size (at least 1). Must be > 0, checked by {@link #build()}.
     */
    public Builder leafRows(int rows) {
      this.leafRows = rows;
      return this;
    }

    /**
     * Builds the detector.
     *
     * @throws InvalidConfigurationException listing every tunable out of range
     */
    public HashDiffDetector build() {
      List<String> problems = new ArrayList<>();
      if (segmentRows != null && segmentRows <= 0) {
        problems.add("segmentRows must be > 0 but was " + segmentRows);
      }
      if (fanOut < 2) {
        problems.add("fanOut must be >= 2 but was " + fanOut);
      }
      if (leafRows != null && leafRows <= 0) {
        problems.add("leafRows must be > 0 but was " + leafRows);
      }
      if (!problems.isEmpty()) {
        throw new InvalidConfigurationException("HashDiffDetector", problems);
      }
      return new HashDiffDetector(segmentRows == null ? DERIVED : segmentRows, fanOut,
          leafRows == null ? DERIVED : leafRows);
    }
  }
}
