package io.terrafusion.sync.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.spi.AuditRecordStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainedAuditSinkTest {

  /** A store in a list that can be told to fail. */
  static final class ListStore implements AuditRecordStore {
    final List<AuditRecord> records = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized Optional<AuditRecord> last() {
      return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    @Override
    public synchronized void append(List<AuditRecord> batch) {
      if (failing) {
        throw new IllegalStateException("store down");
      }
      records.addAll(batch);
    }

    @Override
    public synchronized List<AuditRecord> records(long afterSequence, int limit) {
      return records.stream().filter(r -> r.sequence() > afterSequence).limit(limit).toList();
    }
  }

  @Test
  void recordsReachTheStoreOnlyAtFlushAndTheChainGoesOnInANewSink() {
    ListStore store = new ListStore();
    ChainedAuditSink sink = AuditSinks.chained(store);
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, 1));
    assertThat(store.records).isEmpty();
    sink.flush();
    assertThat(store.records).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    ChainedAuditSink again = AuditSinks.chained(store);
    again.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    again.close();
    assertThat(store.records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
    assertThat(AuditVerifier.verify(store.records.iterator()).valid()).isTrue();
    assertThat(AuditVerifier.verify(store, 2).checked()).isEqualTo(3);
  }

  @Test
  void aFailedFlushKeepsTheRecordsForTheNextOneWithoutAGap() {
    ListStore store = new ListStore();
    ChainedAuditSink sink = AuditSinks.chained(store);
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    store.failing = true;
    assertThatThrownBy(sink::flush).hasMessage("store down");
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    store.failing = false;
    sink.flush();
    assertThat(store.records).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
    assertThat(AuditVerifier.verify(store.records.iterator()).valid()).isTrue();
  }

  @Test
  void anOptionalSinkSwallowsFailuresARequiredOneThrows() {
    ListStore store = new ListStore();
    store.failing = true;
    ChainedAuditSink required = AuditSinks.chained(store);
    required.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    assertThatThrownBy(required::flush).isInstanceOf(IllegalStateException.class);
    var optional = AuditSinks.optional(AuditSinks.chained(store));
    optional.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    optional.flush();
    assertThat(store.records).isEmpty();
  }
}
