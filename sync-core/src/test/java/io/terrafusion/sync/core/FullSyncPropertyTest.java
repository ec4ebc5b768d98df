package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FullSyncPropertyTest {
  private static final TableId TABLE = TableId.of("t");

  /** Source and target contents of one table, and a batch size small enough to hit page boundaries. */
  record Scenario(TableSchema schema, List<Object[]> source, List<Object[]> target, int batchSize) {
    @Override
    public String toString() {
      return schema.primaryKey() + " source " + source.stream().map(List::of).toList() + " target "
          + target.stream().map(List::of).toList() + " batch " + batchSize;
    }
  }

  @Property(tries = 300)
  void fullSyncMakesTargetEqualSourceAndASecondSyncChangesNothing(@ForAll("scenarios") Scenario scenario) {
    MemoryStore source = new MemoryStore("source").create(scenario.schema());
    MemoryStore target = new MemoryStore("target").create(scenario.schema());
    scenario.source().forEach(values -> source.put(TABLE, values));
    scenario.target().forEach(values -> target.put(TABLE, values));
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target)
        .batchSize(scenario.batchSize()).executor(Runnable::run).build()) {
      engine.run(SyncRequest.full());
      assertThat(target.rows(TABLE)).isEqualTo(source.rows(TABLE));
      SyncReport second = engine.run(SyncRequest.full());
      assertThat(second.changed()).isZero();
      assertThat(second.table(TABLE).orElseThrow().unchanged()).isEqualTo(source.rows(TABLE).size());
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Object> longKeys = Arbitraries.longs().between(-15, 15).map(k -> k);
    Arbitrary<Object> stringKeys = Arbitraries.oneOf(
        Arbitraries.strings().withChars("aAbé\u00ff").ofMinLength(1).ofMaxLength(3),
        Arbitraries.of("\uD83D\uDE00", "\uD83D\uDE00a", "\uFFFD", "\uE000", "z"));
    Arbitrary<TableSchema> schemas = Arbitraries.of(
        Schemas.table(TABLE, List.of("id"), "id:BIGINT", "name:VARCHAR", "qty:BIGINT"),
        Schemas.table(TABLE, List.of("id"), "id:VARCHAR", "name:VARCHAR", "qty:BIGINT"),
        Schemas.table(TABLE, List.of("a", "b"), "a:BIGINT", "name:VARCHAR", "b:VARCHAR", "qty:BIGINT"));
    return schemas.flatMap(schema -> {
      Arbitrary<List<Object>> keys = switch (schema.primaryKey().size()) {
        case 1 -> (schema.column("id").orElseThrow().jdbcType().getName().equals("BIGINT") ? longKeys : stringKeys)
            .map(List::of);
        default -> Combinators.combine(Arbitraries.longs().between(0, 3).map(k -> (Object) k), stringKeys)
            .as(List::of);
      };
      Arbitrary<List<Object>> values = Combinators.combine(
          Arbitraries.strings().withChars("xyX").ofMaxLength(2).injectNull(0.3),
          Arbitraries.longs().between(0, 2).injectNull(0.3)).as((n, q) -> {
            List<Object> list = new ArrayList<>();
            list.add(n);
            list.add(q);
            return list;
          });
      Arbitrary<Map<List<Object>, List<Object>>> contents = Arbitraries.maps(keys, values).ofMaxSize(20);
      return Combinators.combine(contents, contents, Arbitraries.integers().between(1, 7))
          .as((s, t, size) -> new Scenario(schema, rows(schema, s), rows(schema, t), size));
    });
  }

  private static List<Object[]> rows(TableSchema schema, Map<List<Object>, List<Object>> contents) {
    List<Object[]> rows = new ArrayList<>();
    contents.forEach((key, values) -> {
      Object[] row = new Object[schema.columns().size()];
      int k = 0;
      int v = 0;
      for (int i = 0; i < row.length; i++) {
        row[i] = schema.primaryKey().contains(schema.column(i).name()) ? key.get(k++) : values.get(v++);
      }
      rows.add(row);
    });
    return rows;
  }
}
