package io.terrafusion.sync.testkit.http;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.ForwardingTargetStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A target that passes every call to a real one, except that, once held, each apply signals {@link
 * #applying} and waits for {@link #release}: a job stays RUNNING while the test acts over HTTP.
 */
final class HeldTarget extends ForwardingTargetStore {
  final CountDownLatch applying = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean held;

  HeldTarget(TargetStore delegate) {
    super(delegate);
  }

  void hold() {
    held = true;
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch) {
    awaitRelease();
    super.apply(table, batch);
  }

  @Override
  public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
    awaitRelease();
    super.apply(table, batch, alongside);
  }

  private void awaitRelease() {
    if (held) {
      applying.countDown();
      try {
        if (!release.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the held target");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
