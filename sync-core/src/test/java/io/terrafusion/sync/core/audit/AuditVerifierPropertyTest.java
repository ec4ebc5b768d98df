package io.terrafusion.sync.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.core.audit.AuditVerification.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AuditVerifierPropertyTest {

  /** A chain of {@code size} records and the index (0-based) of the record to tamper with. */
  record Case(int size, int index) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(2, 40)
        .flatMap(size -> Arbitraries.integers().between(0, size - 1).map(index -> new Case(size, index)));
  }

  @Provide
  Arbitrary<Case> notLast() {
    return Arbitraries.integers().between(2, 40)
        .flatMap(size -> Arbitraries.integers().between(0, size - 2).map(index -> new Case(size, index)));
  }

  @Property(tries = 200)
  void anUntouchedChainIsValid(@ForAll @IntRange(min = 0, max = 40) int size) {
    AuditVerification result = AuditVerifier.verify(chain(size).iterator());
    assertThat(result.valid()).isTrue();
    assertThat(result.checked()).isEqualTo(size);
  }

  @Property(tries = 300)
  void editingAnyRecordIsDetectedAtIt(@ForAll("cases") Case c, @ForAll("edits") Edit edit) {
    List<AuditRecord> records = new ArrayList<>(chain(c.size()));
    records.set(c.index(), edit.apply(records.get(c.index())));
    AuditVerification result = AuditVerifier.verify(records.iterator());
    assertThat(result.firstBreak()).isNotNull();
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.ALTERED);
    assertThat(result.firstBreak().sequence()).isEqualTo(c.index() + 1);
  }

  @Property(tries = 300)
  void deletingAnyRecordButTheLastIsDetectedAsMissing(@ForAll("notLast") Case c) {
    List<AuditRecord> records = new ArrayList<>(chain(c.size()));
    records.remove(c.index());
    AuditVerification result = AuditVerifier.verify(records.iterator());
    assertThat(result.firstBreak()).isNotNull();
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING);
    assertThat(result.firstBreak().sequence()).isEqualTo(c.index() + 1);
  }

  @Property(tries = 300)
  void movingAnyRecordIsDetectedAsReordered(@ForAll("cases") Case c, @ForAll("cases") Case to) {
    List<AuditRecord> records = new ArrayList<>(chain(c.size()));
    int target = to.index() % c.size();
    if (target == c.index()) {
      target = (target + 1) % c.size();
    }
    AuditRecord moved = records.remove(c.index());
    records.add(target, moved);
    AuditVerification result = AuditVerifier.verify(records.iterator());
    assertThat(result.firstBreak()).isNotNull();
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.REORDERED);
    assertThat(result.firstBreak().sequence()).isEqualTo(Math.min(c.index(), target) + 1);
  }

  @Test
  void editingARecordAndItsHashIsDetectedByTheNextLink() {
    List<AuditRecord> records = new ArrayList<>(chain(5));
    AuditRecord original = records.get(2);
    String body = original.body().replace("job-1", "job-X");
    records.set(2, new AuditRecord(original.sequence(), original.previousHash(), AuditChain.sha256(body), "job-X",
        original.batch(), original.at(), original.type(), original.table(), original.key(), body));
    AuditVerification result = AuditVerifier.verify(records.iterator());
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.ALTERED);
    assertThat(result.firstBreak().sequence()).isEqualTo(3);
  }

  /** One way of changing a stored record without recomputing its hash. */
  interface Edit {
    AuditRecord apply(AuditRecord r);
  }

  @Provide
  Arbitrary<Edit> edits() {
    return Arbitraries.of(
        r -> with(r, r.body().replace("\"batch\":", "\"batch\":1")),
        r -> with(r, r.body().replace("job-1", "job-2")),
        r -> new AuditRecord(r.sequence(), r.previousHash(), r.hash(), "job-2", r.batch(), r.at(), r.type(),
            r.table(), r.key(), r.body()),
        r -> new AuditRecord(r.sequence(), r.previousHash(), r.hash(), r.jobId(), r.batch(), r.at(),
            AuditEventType.ROW_DELETED, r.table(), r.key(), r.body()),
        r -> new AuditRecord(r.sequence(), r.previousHash(), r.hash(), r.jobId(), r.batch(), r.at(), r.type(),
            r.table(), RowKey.of(-1L), r.body()));
  }

  private static AuditRecord with(AuditRecord r, String body) {
    return new AuditRecord(r.sequence(), r.previousHash(), r.hash(), r.jobId(), r.batch(), r.at(), r.type(),
        r.table(), r.key(), body);
  }

  static List<AuditRecord> chain(int size) {
    AuditChain chain = AuditChain.empty();
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      AuditEvent event = i % 3 == 0 ? AuditFixtures.jobEvent(AuditEventType.JOB_STARTED)
          : AuditEvent.ofRow("job-1", i, AuditFixtures.AT, AuditEventType.ROW_INSERTED, AuditFixtures.ORDERS,
              RowKey.of((long) i), null, null, Map.of("qty", Integer.toString(i)));
      records.add(chain.append(event));
    }
    return records;
  }
}
