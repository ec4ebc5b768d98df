package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.spi.AuditSink;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Forwards to several sinks. Failures are rethrown, not just logged, because a compliance sink that
 * cannot write must be able to fail the batch (design invariant 7); the engine catches and logs them.
 */
final class FanOutAuditSink implements AuditSink {
  private final List<AuditSink> sinks;

  FanOutAuditSink(List<AuditSink> sinks) {
    this.sinks = sinks;
  }

  @Override
  public void record(AuditEvent event) {
    each(sink -> sink.record(event));
  }

  @Override
  public void flush() {
    each(AuditSink::flush);
  }

  @Override
  public void close() {
    each(AuditSink::close);
  }

  private void each(Consumer<AuditSink> action) {
    @Nullable RuntimeException first = null;
    for (AuditSink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else if (first != e) {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
