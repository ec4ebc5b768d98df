package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.InMemoryAuditSink;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.WriteBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each change the target applied has exactly one ROW_* audit record, and nothing else has one. */
class AuditRowPropertyTest {
  private static final TableId TABLE = TableId.of("t");
  private static final TableSchema SCHEMA = Schemas.table(TABLE, List.of("id"), "id:BIGINT", "name:VARCHAR", "qty:BIGINT");
  private static final Set<AuditEventType> ROW_WRITES =
      Set.of(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED, AuditEventType.ROW_DELETED);

  /**
   * Rows of source and target by key ({name, qty}), the batch size, a key the target refuses to
   * write (or -1), and the keys the validator rejects.
   */
  record Scenario(Map<Long, List<Object>> source, Map<Long, List<Object>> target, int batchSize, long refused,
      Set<Long> rejected) {}

  @Property(tries = 200)
  void eachAppliedChangeHasExactlyOneRowRecord(@ForAll("scenarios") Scenario s) {
    MemoryStore source = new MemoryStore("source").create(SCHEMA);
    MemoryStore memoryTarget = new MemoryStore("target").create(SCHEMA);
    s.source().forEach((k, v) -> source.put(TABLE, k, v.get(0), v.get(1)));
    s.target().forEach((k, v) -> memoryTarget.put(TABLE, k, v.get(0), v.get(1)));
    Map<RowKey, Row> before = byKey(memoryTarget.rows(TABLE));
    ForwardingTargetStore target = new ForwardingTargetStore(memoryTarget) {
      @Override
      public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
        boolean refuses = batch.upserts().stream().anyMatch(r -> r.key().equals(RowKey.of(s.refused())))
            || batch.deletes().contains(RowKey.of(s.refused()));
        if (refuses) {
          throw new IllegalStateException("target refuses row " + s.refused());
        }
        super.apply(table, batch, alongside);
      }
    };
    InMemoryAuditSink audit = AuditSinks.inMemory();
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).batchSize(s.batchSize())
        .executor(Runnable::run).auditSink(audit)
        .validator((row, table) -> s.rejected().contains((Long) row.get("id"))
            ? List.of(new Violation(table.id(), row.key(), "id", "rejected", "rejected by the test")) : List.of())
        .build()) {
      try {
        engine.run(SyncRequest.full());
      } catch (JobFailedException expected) {
        assertThat(s.refused()).isNotEqualTo(-1L);
      }
    }
    Map<RowKey, Row> after = byKey(memoryTarget.rows(TABLE));
    Map<RowKey, AuditEventType> applied = new HashMap<>();
    for (RowKey key : union(before.keySet(), after.keySet())) {
      Row was = before.get(key);
      Row is = after.get(key);
      if (was == null && is != null) {
        applied.put(key, AuditEventType.ROW_INSERTED);
      } else if (was != null && is == null) {
        applied.put(key, AuditEventType.ROW_DELETED);
      } else if (was != null && !Objects.equals(was, is)) {
        applied.put(key, AuditEventType.ROW_UPDATED);
      }
    }
    List<AuditEvent> rowRecords = audit.events().stream().filter(e -> ROW_WRITES.contains(e.type())).toList();
    assertThat(rowRecords).hasSize(applied.size());
    Map<RowKey, AuditEventType> recorded = new HashMap<>();
    rowRecords.forEach(e -> recorded.put(e.key(), e.type()));
    assertThat(recorded).isEqualTo(applied);
    rowRecords.forEach(e -> assertThat(e.after()).isEqualTo(after.get(e.key())));
  }

  private static Map<RowKey, Row> byKey(List<Row> rows) {
    Map<RowKey, Row> map = new HashMap<>();
    rows.forEach(r -> map.put(r.key(), r));
    return map;
  }

  private static Set<RowKey> union(Set<RowKey> a, Set<RowKey> b) {
    Set<RowKey> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<Object>> values = Combinators.combine(Arbitraries.of("a", "b", "c"), Arbitraries.longs().between(0, 2))
        .as(List::of);
    Arbitrary<Map<Long, List<Object>>> tables = Arbitraries.maps(Arbitraries.longs().between(0, 20), values).ofMaxSize(15);
    Arbitrary<Long> refused = Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, 20));
    Arbitrary<Set<Long>> rejected = Arbitraries.longs().between(0, 20).set().ofMaxSize(4);
    return Combinators.combine(tables, tables, Arbitraries.integers().between(1, 5), refused, rejected)
        .as(Scenario::new);
  }
}
