package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.spi.AuditRecordStore;
import io.terrafusion.sync.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns events into a tamper-evident chain of {@link AuditRecord}s and keeps them in an {@link
 * AuditRecordStore}: {@link #record} numbers and hashes the event and buffers its record; {@link
 * #flush()} appends the buffered records to the store in one call, so that they are durable before
 * the engine saves the batch's checkpoint. The chain goes on from the store's last record, read when
 * the sink is made.
 *
 * <p>When the store fails, {@link #flush()} rethrows and keeps the records; the next flush tries them
 * again, so the chain has no gap. {@link #close()} flushes and closes the store.
 *
 * <p>This class is thread-safe.
 */
public final class ChainedAuditSink implements AuditSink {
  private final AuditRecordStore store;
  private final AuditChain chain;
  private final List<AuditRecord> buffer = new ArrayList<>();

  ChainedAuditSink(AuditRecordStore store) {
    this.store = store;
    this.chain = store.last().map(AuditChain::after).orElseGet(AuditChain::empty);
  }

  /** The store this sink appends to. */
  public AuditRecordStore store() {
    return store;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    buffer.add(chain.append(event));
  }

  /**
   * Appends every buffered record to the store.
   *
   * @throws RuntimeException the store's failure; the records stay buffered
   */
  @Override
  public synchronized void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    store.append(List.copyOf(buffer));
    buffer.clear();
  }

  /** Flushes, then closes the store even when the flush fails. */
  @Override
  public synchronized void close() {
    try {
      flush();
    } finally {
      store.close();
    }
  }
}
