package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class BadRowsPropertyTest {

  @Property(tries = 200)
  void targetIsTheSourceWithoutTheRefusedRowsAndTheDeadLettersAreExactlyThem(
      @ForAll @IntRange(min = 1, max = 120) int rows,
      @ForAll @Size(max = 10) Set<@LongRange(min = 1, max = 120) Long> refused,
      @ForAll @IntRange(min = 1, max = 64) int batchSize,
      @ForAll boolean storeNamesTheRow) {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore store = new MemoryStore("target").create(Schemas.items());
    for (long id = 1; id <= rows; id++) {
      source.put(ITEMS, id, "name " + id, id);
    }
    RefusingTarget target = new RefusingTarget(store).refuse(refused.toArray()).hint(null, storeNamesTheRow);
    InMemoryStateStore state = new InMemoryStateStore();
    Set<RowKey> bad = refused.stream().filter(id -> id <= rows).map(RowKey::of).collect(Collectors.toSet());
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .batchSize(batchSize).executor(Runnable::run).build()) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.inserted()).isEqualTo(rows - bad.size());
      assertThat(report.deadLettered()).isEqualTo(bad.size());
    }
    assertThat(store.rows(ITEMS)).isEqualTo(source.rows(ITEMS).stream().filter(r -> !bad.contains(r.key())).toList());
    assertThat(state.deadLetters(null, 0, 1_000)).extracting(DeadLetter::key).containsExactlyInAnyOrderElementsOf(bad);
  }
}
