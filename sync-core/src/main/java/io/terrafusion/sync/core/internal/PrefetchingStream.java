package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.spi.ChangeStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the next batch of a change stream on a thread of its own while the current batch is
 * reconciled and written, so that reading the source overlaps writing the target (the engine otherwise
 * waits for one database, then for the other); work that needs only the batch (staging it) can run
 * there too. At most one batch is read ahead, so memory stays bounded by twice the batch size. The
 * wrapped stream is used by one thread at a time, as its contract asks: the read-ahead thread, one
 * read after the other.
 */
final class PrefetchingStream implements ChangeStream {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ChangeStream inner;
  private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "terrafusion-sync-read-ahead-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });
  private final Consumer<ChangeBatch> prepare;
  private @Nullable Future<Optional<ChangeBatch>> ahead;

  PrefetchingStream(ChangeStream inner) {
    this(inner, batch -> {});
  }

  /**
   * @param prepare work on each batch run on the read-ahead thread right after it was read, before
   *     the batch is handed out; must not throw
   */
  PrefetchingStream(ChangeStream inner, Consumer<ChangeBatch> prepare) {
    this.inner = inner;
    this.prepare = prepare;
    this.ahead = readAhead();
  }

  @Override
  public boolean hasNext() {
    return ahead != null && await(ahead).isPresent();
  }

  @Override
  public ChangeBatch next() {
    if (ahead == null) {
      throw new NoSuchElementException("the change stream is closed");
    }
    ChangeBatch batch = await(ahead).orElseThrow(() -> new NoSuchElementException("no more change batches"));
    ahead = readAhead();
    return batch;
  }

  /**
   * Passes the acknowledgement on. The wrapped stream may be reading the next batch on the read-ahead
   * thread meanwhile; detectors that act on it (a change table) must allow that.
   */
  @Override
  public void committed(ChangeBatch batch) {
    inner.committed(batch);
  }

  /** Waits for a read in flight to end, then closes the wrapped stream. */
  @Override
  public void close() {
    ahead = null;
    reader.shutdown();
    try {
      while (!reader.awaitTermination(1, TimeUnit.MINUTES)) {
        // A read ahead still runs against a slow source; the wrapped stream must not be closed under it.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inner.close();
    }
  }

  private Future<Optional<ChangeBatch>> readAhead() {
    return reader.submit(() -> {
      if (!inner.hasNext()) {
        return Optional.<ChangeBatch>empty();
      }
      ChangeBatch batch = inner.next();
      prepare.accept(batch);
      return Optional.of(batch);
    });
  }

  private static Optional<ChangeBatch> await(Future<Optional<ChangeBatch>> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next change batch", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("reading the next change batch failed", cause);
    }
  }
}
