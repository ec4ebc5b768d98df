package io.terrafusion.sync.core;

import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.spi.AuditRecordStore;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An audit record store in memory that shares the transactions of one target: its writes stage
 * records, which {@link #commit} keeps and {@link #rollback} drops, as the target's transaction ends.
 */
final class TransactionalAuditStore implements AuditRecordStore {
  private final TargetStore shared;
  private final List<AuditRecord> records = new ArrayList<>();
  private final List<AuditRecord> staged = new ArrayList<>();
  int appends;

  TransactionalAuditStore(TargetStore shared) {
    this.shared = shared;
  }

  @Override
  public synchronized Optional<AuditRecord> last() {
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  @Override
  public synchronized void append(List<AuditRecord> batch) {
    appends++;
    records.addAll(batch);
  }

  @Override
  public synchronized List<AuditRecord> records(long afterSequence, int limit) {
    return records.stream().filter(r -> r.sequence() > afterSequence).limit(limit).toList();
  }

  @Override
  public Optional<TransactionalWrite> appendWrite(List<AuditRecord> batch, TargetStore target) {
    if (target != shared) {
      return Optional.empty();
    }
    List<AuditRecord> copy = List.copyOf(batch);
    return Optional.of(connection -> {
      synchronized (this) {
        staged.addAll(copy);
      }
    });
  }

  synchronized void commit() {
    records.addAll(staged);
    staged.clear();
  }

  synchronized void rollback() {
    staged.clear();
  }

  synchronized List<AuditRecord> records() {
    return List.copyOf(records);
  }
}
