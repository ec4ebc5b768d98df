package io.terrafusion.sync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.spi.ChangeStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PrefetchingStreamTest {
  private static final TableId T = TableId.of("t");

  @Test
  void yieldsTheBatchesInOrderThenEndsAndClosesTheWrappedStream() {
    Batches inner = new Batches(3, -1);
    List<Long> seen = new ArrayList<>();
    try (PrefetchingStream stream = new PrefetchingStream(inner)) {
      while (stream.hasNext()) {
        seen.add(stream.next().sequence());
      }
      assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
    }
    assertThat(seen).containsExactly(0L, 1L, 2L);
    assertThat(inner.closed).isTrue();
    assertThat(inner.threads).doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void aFailureOfTheWrappedStreamReachesTheCallerAsItself() {
    try (PrefetchingStream stream = new PrefetchingStream(new Batches(3, 1))) {
      assertThat(stream.next().sequence()).isZero();
      assertThatThrownBy(stream::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("source broke at batch 1");
    }
  }

  @Test
  void preparesEachBatchOnTheReadAheadThreadBeforeHandingItOut() {
    List<Long> prepared = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    try (PrefetchingStream stream = new PrefetchingStream(new Batches(3, -1), batch -> {
      prepared.add(batch.sequence());
      threads.add(Thread.currentThread().getName());
    })) {
      while (stream.hasNext()) {
        long sequence = stream.next().sequence();
        assertThat(prepared).contains(sequence);
      }
    }
    assertThat(prepared).containsExactly(0L, 1L, 2L);
    assertThat(threads).doesNotContain(Thread.currentThread().getName());
  }

  /** A stream of empty batches that can fail at one of them, recording the threads that read it. */
  private static final class Batches implements ChangeStream {
    private final int count;
    private final int failAt;
    private int next;
    final List<String> threads = new ArrayList<>();
    volatile boolean closed;

    Batches(int count, int failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public ChangeBatch next() {
      threads.add(Thread.currentThread().getName());
      if (next == failAt) {
        throw new IllegalStateException("source broke at batch " + next);
      }
      return new ChangeBatch(T, next++, List.of(), null, Checkpoint.initial(T, "test"));
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
