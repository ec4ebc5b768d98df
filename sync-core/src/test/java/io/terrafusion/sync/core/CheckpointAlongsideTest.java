package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.detect.FullScanDetector;
import io.terrafusion.sync.core.internal.KeyCodec;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint of a detector batch rides with the batch's last transaction when the state store
 * offers a write for the target, and is saved after the batch otherwise.
 */
class CheckpointAlongsideTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore memory = new MemoryStore("target").create(Schemas.items());
  private final TransactionalTarget target = new TransactionalTarget(memory);
  private final SharingState state = new SharingState(target);

  @Test
  void everyBatchCommitsItsCheckpointWithItsWrites() {
    fill(source, 1, 10, "n");

    SyncReport report = run(state);

    assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(target.alongside).containsExactly(1, 1, 1, 1);
    assertThat(positions(state.carried)).containsExactly(RowKey.of(3L), RowKey.of(6L), RowKey.of(9L), RowKey.of(10L));
    assertThat(state.savedAfter).isEmpty();
    assertThat(memory.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
    assertThat(state.checkpoint(ITEMS, FullScanDetector.NAME)).isEmpty();
  }

  @Test
  void aBatchOfSeveralTransactionsCommitsItsCheckpointWithTheLastOnly() {
    for (long id = 2; id <= 10; id += 2) {
      source.put(ITEMS, id, "n" + id, id);
      memory.put(ITEMS, id - 1, "old" + id, id);
    }

    SyncReport report = run(state);

    assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(report.deleted()).isEqualTo(5);
    assertThat(target.alongside).containsExactly(0, 1, 0, 1);
    assertThat(positions(state.carried)).containsExactly(RowKey.of(6L), RowKey.of(10L));
    assertThat(state.savedAfter).isEmpty();
    assertThat(memory.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
  }

  @Test
  void aBatchWithoutWritesSavesItsCheckpointAfterwards() {
    fill(source, 1, 7, "n");
    fill(memory, 1, 3, "n");

    SyncReport report = run(state);

    assertThat(report.table(ITEMS).orElseThrow().unchanged()).isEqualTo(3);
    assertThat(positions(state.savedAfter)).containsExactly(RowKey.of(3L));
    assertThat(positions(state.carried)).containsExactly(RowKey.of(6L), RowKey.of(7L));
  }

  @Test
  void aStateStoreOfAnotherDatabaseSavesEachCheckpointAfterItsBatch() {
    fill(source, 1, 10, "n");
    SharingState elsewhere = new SharingState(new TransactionalTarget(new MemoryStore("other")));

    run(elsewhere);

    assertThat(target.alongside).containsExactly(0, 0, 0, 0);
    assertThat(elsewhere.carried).isEmpty();
    assertThat(positions(elsewhere.savedAfter))
        .containsExactly(RowKey.of(3L), RowKey.of(6L), RowKey.of(9L), RowKey.of(10L));
  }

  @Test
  void aFailedTransactionLeavesTheCheckpointOfTheLastCommittedBatch() {
    fill(source, 1, 10, "n");
    memory.beforeApply(n -> {
      if (n == 3) {
        throw new DataAccessException("permission denied writing items", ITEMS, null, "42501", null);
      }
    });

    SyncReport report = run(state);

    assertThat(report.state()).isEqualTo(JobState.FAILED);
    assertThat(memory.rows(ITEMS)).hasSize(6);
    assertThat(KeyCodec.decode(state.checkpoint(ITEMS, FullScanDetector.NAME).orElseThrow().position()))
        .isEqualTo(RowKey.of(6L));
    assertThat(state.savedAfter).isEmpty();
  }

  @Test
  void aBatchSplitToFindRefusedRowsSavesItsCheckpointAfterItsParts() {
    fill(source, 1, 10, "n");
    // The second batch is refused whole once, as for a bad row; its halves then go through.
    memory.beforeApply(n -> {
      if (n == 2) {
        throw new DataAccessException("value too long writing items", ITEMS, null, "22001", null);
      }
    });

    SyncReport report = run(state);

    assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(report.table(ITEMS).orElseThrow().deadLettered()).isZero();
    assertThat(positions(state.carried)).containsExactly(RowKey.of(3L), RowKey.of(9L), RowKey.of(10L));
    assertThat(positions(state.savedAfter)).containsExactly(RowKey.of(6L));
    assertThat(memory.rows(ITEMS)).isEqualTo(source.rows(ITEMS));
  }

  private SyncReport run(StateStore stateStore) {
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(stateStore).batchSize(3)
        .build()) {
      return engine.start(SyncRequest.full()).result().join();
    }
  }

  private static void fill(MemoryStore store, long from, long to, String prefix) {
    for (long id = from; id <= to; id++) {
      store.put(ITEMS, id, prefix + id, id);
    }
  }

  private static List<RowKey> positions(List<Checkpoint> checkpoints) {
    return checkpoints.stream().map(c -> KeyCodec.decode(c.position())).toList();
  }

  /** A target that runs the writes given with a batch after applying it, as if in its transaction. */
  private static final class TransactionalTarget extends ForwardingTargetStore {
    final List<Integer> alongside = new ArrayList<>();

    TransactionalTarget(TargetStore delegate) {
      super(delegate);
    }

    @Override
    public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> writes) {
      super.apply(table, batch);
      alongside.add(writes.size());
      for (TransactionalWrite write : writes) {
        try {
          write.write(null);
        } catch (java.sql.SQLException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  /** An in-memory state store that offers checkpoint writes for one target and notes every save. */
  private static final class SharingState extends ForwardingStateStore {
    private final TargetStore shared;
    final List<Checkpoint> carried = new ArrayList<>();
    final List<Checkpoint> savedAfter = new ArrayList<>();

    SharingState(TargetStore shared) {
      super(new InMemoryStateStore());
      this.shared = shared;
    }

    @Override
    public Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
      if (target != shared) {
        return Optional.empty();
      }
      return Optional.of(connection -> {
        carried.add(checkpoint);
        delegate().saveCheckpoint(checkpoint);
      });
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
      savedAfter.add(checkpoint);
      super.saveCheckpoint(checkpoint);
    }
  }
}
