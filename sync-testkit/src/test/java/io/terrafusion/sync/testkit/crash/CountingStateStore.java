package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.core.ForwardingStateStore;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A state store that passes every call to another and counts the checkpoints saved on their own and
 * those handed out to be written in a target's transaction.
 */
final class CountingStateStore extends ForwardingStateStore {
  final AtomicInteger savedAlone = new AtomicInteger();
  final AtomicInteger carried = new AtomicInteger();

  CountingStateStore(StateStore delegate) {
    super(delegate);
  }

  @Override
  public Optional<TransactionalWrite> checkpointWrite(Checkpoint checkpoint, TargetStore target) {
    Optional<TransactionalWrite> write = super.checkpointWrite(checkpoint, target);
    write.ifPresent(w -> carried.incrementAndGet());
    return write;
  }

  @Override
  public void saveCheckpoint(Checkpoint checkpoint) {
    savedAlone.incrementAndGet();
    super.saveCheckpoint(checkpoint);
  }
}
