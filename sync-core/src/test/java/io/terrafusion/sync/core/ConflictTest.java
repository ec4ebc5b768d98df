package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Resolution;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.ConflictResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();

  /** Syncs once, then changes row 1 at both ends and runs a second sync with the resolver. */
  private SyncReport changeBothEndsAndSync(ConflictResolver resolver) {
    source.put(ITEMS, 1L, "base", 1L).put(ITEMS, 2L, "other", 2L);
    try (SyncEngine first = SyncEngine.builder().source(source).target(target).stateStore(state)
        .conflictResolver(resolver).executor(Runnable::run).build()) {
      first.run(SyncRequest.full());
      source.put(ITEMS, 1L, "source edit", 1L);
      target.put(ITEMS, 1L, "target edit", 1L);
      return first.run(SyncRequest.full());
    }
  }

  @Test
  void targetWinsKeepsTheTargetRow() {
    SyncReport report = changeBothEndsAndSync(ConflictResolver.targetWins());
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("target edit");
    assertThat(report.table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
    assertThat(report.updated()).isZero();
  }

  @Test
  void resolverChoosingTheSourceOverwritesTheTargetRowAndCountsTheConflict() {
    SyncReport report = changeBothEndsAndSync(conflict -> Resolution.useSource());
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("source edit");
    assertThat(report.table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
  }

  @Test
  void sourceWinsOverwritesTheTargetRowWithoutDetectingConflicts() {
    SyncReport report = changeBothEndsAndSync(ConflictResolver.sourceWins());
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("source edit");
    assertThat(report.table(ITEMS).orElseThrow().conflicts()).isZero();
    assertThat(report.updated()).isEqualTo(1);
  }

  @Test
  void sourceWinsKeepsNoBaseHashesSoMemoryDoesNotGrowWithTheTable() {
    changeBothEndsAndSync(ConflictResolver.sourceWins());
    assertThat(state.baseHashes(ITEMS, List.of(RowKey.of(1L), RowKey.of(2L)))).isEmpty();
  }

  @Test
  void basesWrittenWhileNotDetectingAreForgottenSoLaterDetectionSeesNoFalseConflict() {
    source.put(ITEMS, 1L, "base", 1L);
    try (SyncEngine tracking = SyncEngine.builder().source(source).target(target).stateStore(state)
        .conflictResolver(ConflictResolver.targetWins()).executor(Runnable::run).build()) {
      tracking.run(SyncRequest.full());
      source.put(ITEMS, 1L, "written while not tracking", 1L);
      try (SyncEngine plain = tracking.toBuilder().conflictResolver(ConflictResolver.sourceWins()).build()) {
        plain.run(SyncRequest.full());
      }
      source.put(ITEMS, 1L, "source edit", 1L);
      SyncReport report = tracking.run(SyncRequest.full());
      assertThat(report.table(ITEMS).orElseThrow().conflicts()).isZero();
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("source edit");
    }
  }

  @Test
  void deferQueuesTheConflictInTheStateStore() {
    changeBothEndsAndSync(conflict -> Resolution.defer("needs a person"));
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("target edit");
    assertThat(state.conflicts(ITEMS, 0, 10)).singleElement().satisfies(conflict -> {
      assertThat(conflict.key()).isEqualTo(RowKey.of(1L));
      assertThat(conflict.sourceChange()).isEqualTo(ChangeKind.UPDATE);
      assertThat(conflict.source().get("name")).isEqualTo("source edit");
      assertThat(conflict.target().get("name")).isEqualTo("target edit");
    });
  }

  @Test
  void useRowWritesTheResolvedRow() {
    changeBothEndsAndSync(conflict -> Resolution.useRow(conflict.source().with("name", "merged")));
    assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("merged");
  }

  @Test
  void rowDeletedAtTargetSinceLastSyncIsAConflict() {
    source.put(ITEMS, 1L, "base", 1L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).conflictResolver(ConflictResolver.targetWins()).build()) {
      engine.run(SyncRequest.full());
      target.remove(ITEMS, 1L);
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
      assertThat(target.row(ITEMS, 1L)).isEmpty();
    }
  }

  @Test
  void aKeptTargetRowIsNoConflictAgainUntilTheSourceChangesIt() {
    source.put(ITEMS, 1L, "base", 1L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).conflictResolver(ConflictResolver.targetWins()).build()) {
      engine.run(SyncRequest.full());
      source.put(ITEMS, 1L, "source edit", 1L);
      target.put(ITEMS, 1L, "target edit", 1L);
      assertThat(engine.run(SyncRequest.full()).table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);

      SyncReport quiet = engine.run(SyncRequest.full());
      assertThat(quiet.table(ITEMS).orElseThrow().conflicts()).isZero();
      assertThat(quiet.table(ITEMS).orElseThrow().unchanged()).isEqualTo(1);
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("target edit");

      source.put(ITEMS, 1L, "second source edit", 1L);
      SyncReport moved = engine.run(SyncRequest.full());
      assertThat(moved.table(ITEMS).orElseThrow().conflicts()).isZero();
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("second source edit");
    }
  }

  @Test
  void aKeptTargetRowEditedAgainIsANewConflict() {
    source.put(ITEMS, 1L, "base", 1L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).conflictResolver(ConflictResolver.targetWins()).build()) {
      engine.run(SyncRequest.full());
      target.remove(ITEMS, 1L);
      assertThat(engine.run(SyncRequest.full()).table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
      assertThat(engine.run(SyncRequest.full()).table(ITEMS).orElseThrow().conflicts()).isZero();

      target.put(ITEMS, 1L, "put back by hand", 1L);
      assertThat(engine.run(SyncRequest.full()).table(ITEMS).orElseThrow().conflicts()).isEqualTo(1);
      assertThat(target.row(ITEMS, 1L).orElseThrow().get("name")).isEqualTo("put back by hand");
    }
  }

  @Test
  void unchangedTargetIsNoConflict() {
    source.put(ITEMS, 1L, "base", 1L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state)
        .executor(Runnable::run).conflictResolver(conflict -> {
          throw new AssertionError("no conflict expected for " + conflict.key());
        }).build()) {
      engine.run(SyncRequest.full());
      source.put(ITEMS, 1L, "source edit", 1L);
      SyncReport report = engine.run(SyncRequest.full());
      assertThat(report.updated()).isEqualTo(1);
      assertThat(state.conflicts(null, 0, 10)).isEmpty();
    }
  }

}
