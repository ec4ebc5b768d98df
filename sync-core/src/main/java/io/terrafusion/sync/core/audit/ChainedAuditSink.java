package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.spi.AuditRecordStore;
import io.terrafusion.sync.spi.AuditSink;
import io.terrafusion.sync.spi.JoinedAuditWrite;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 * <p><b>In the batch's transaction.</b> When the store {@linkplain AuditRecordStore#appendWrite
 * shares the target's transaction} (a {@code JdbcAuditStore} over the target's data source), {@link
 * #joinTransaction} numbers the batch's row events and hands the store's write of them, with every
 * record still buffered before them, to the engine: they commit with the batch. When the batch rolls
 * back, the chain's head goes back to where it was, so the next record takes the same sequence and
 * no gap or fork appears. While such a transaction is open, events recorded by other threads wait,
 * unnumbered, until it ends, and other threads' flushes and joins wait for it: the chain is written
 * by one transaction at a time, so parallel tables auditing to one chain commit one after another.
 *
 * <p>This class is thread-safe.
 */
public final class ChainedAuditSink implements AuditSink {
  private final AuditRecordStore store;
  private AuditChain chain;
  private final List<AuditRecord> buffer = new ArrayList<>();
  private @Nullable Joined open;
  /** Events recorded while a transaction is open, numbered once it ends. */
  private final List<AuditEvent> held = new ArrayList<>();

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
    if (open != null) {
      held.add(event);
    } else {
      buffer.add(chain.append(event));
    }
  }

  /**
   * Appends every buffered record to the store, first waiting for an open transaction of another
   * thread to end.
   *
   * @throws RuntimeException the store's failure; the records stay buffered
   * @throws IllegalStateException if the calling thread has a transaction open, or is interrupted
   *     while waiting
   */
  @Override
  public synchronized void flush() {
    awaitNoneOpen();
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

  /**
   * Joins the batch's transaction when the store shares it with {@code target}: the write appends
   * the records still buffered and those of {@code events}, numbered now. Waits first for an open
   * transaction of another thread to end.
   *
   * @throws IllegalStateException if the calling thread has a transaction open, or is interrupted
   *     while waiting
   */
  @Override
  public synchronized Optional<JoinedAuditWrite> joinTransaction(List<AuditEvent> events, TargetStore target) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(target, "target");
    awaitNoneOpen();
    AuditChain before = chain.copy();
    List<AuditRecord> records = new ArrayList<>(buffer);
    Optional<TransactionalWrite> write;
    try {
      for (AuditEvent event : events) {
        records.add(chain.append(Objects.requireNonNull(event, "event")));
      }
      write = store.appendWrite(records, target);
    } catch (RuntimeException e) {
      chain = before;
      throw e;
    }
    if (write.isEmpty()) {
      chain = before;
      return Optional.empty();
    }
    Joined joined = new Joined(write.get(), before, records, Thread.currentThread());
    open = joined;
    return Optional.of(joined);
  }

  private void awaitNoneOpen() {
    while (open != null) {
      if (open.owner == Thread.currentThread()) {
        throw new IllegalStateException("this thread has a batch transaction open on the audit chain; end it first");
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch transaction on the audit chain", e);
      }
    }
  }

  /** Ends the open transaction: numbers the events held back meanwhile and wakes those waiting. */
  private void end() {
    open = null;
    for (AuditEvent event : held) {
      buffer.add(chain.append(event));
    }
    held.clear();
    notifyAll();
  }

  /** Whether the store's last record is the given one: a commit that reported failure did happen. */
  private boolean stored(AuditRecord last) {
    try {
      return store.last().map(r -> r.sequence() == last.sequence() && r.hash().equals(last.hash())).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The records of one open transaction. */
  private final class Joined implements JoinedAuditWrite {
    private final TransactionalWrite write;
    private final AuditChain before;
    private final List<AuditRecord> records;
    private final Thread owner;

    Joined(TransactionalWrite write, AuditChain before, List<AuditRecord> records, Thread owner) {
      this.write = write;
      this.before = before;
      this.records = records;
      this.owner = owner;
    }

    @Override
    public void write(Connection connection) throws SQLException {
      write.write(connection);
    }

    @Override
    public void committed() {
      synchronized (ChainedAuditSink.this) {
        if (open == this) {
          buffer.clear();
          end();
        }
      }
    }

    @Override
    public void rolledBack() {
      synchronized (ChainedAuditSink.this) {
        if (open != this) {
          return;
        }
        if (records.isEmpty() || !stored(records.get(records.size() - 1))) {
          chain = before;
        } else {
          buffer.clear();
        }
        end();
      }
    }
  }
}
