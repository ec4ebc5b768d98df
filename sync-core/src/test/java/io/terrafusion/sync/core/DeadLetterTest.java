package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  /** Rejects rows whose qty is negative. */
  private static final Validator NON_NEGATIVE_QTY = (row, table) ->
      row.get("qty") instanceof Long qty && qty < 0
          ? List.of(new Violation(table.id(), row.key(), "qty", "non-negative", "qty must not be negative"))
          : List.of();

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();

  private SyncEngineBuilder builder() {
    return SyncEngine.builder().source(source).target(target).stateStore(state).executor(Runnable::run);
  }

  @Test
  void rejectedRowIsDeadLetteredWithItsReasonAndNotDeletedAtTarget() {
    source.put(ITEMS, 1L, "ok", 1L).put(ITEMS, 2L, "bad", -5L);
    target.put(ITEMS, 2L, "old", 2L);
    try (SyncEngine engine = builder().validator(NON_NEGATIVE_QTY).build()) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.deadLettered()).isEqualTo(1);
      assertThat(report.deleted()).isZero();
      assertThat(target.row(ITEMS, 2L).orElseThrow().get("name")).isEqualTo("old");
      assertThat(target.row(ITEMS, 1L)).isPresent();
      List<DeadLetter> letters = state.deadLetters(ITEMS, 0, 10);
      assertThat(letters).singleElement().satisfies(letter -> {
        assertThat(letter.key()).isEqualTo(RowKey.of(2L));
        assertThat(letter.reason()).contains("qty must not be negative").contains("non-negative");
        assertThat(letter.row()).isNotNull();
      });
    }
  }

  @Test
  void failingMappingDeadLettersTheRowWithTheExceptionMessage() {
    source.put(ITEMS, 1L, "ok", 1L).put(ITEMS, 2L, "boom", 2L);
    try (SyncEngine engine = builder().transformer(schema -> RowMapping.of(schema, row -> {
      if ("boom".equals(row.get("name"))) {
        throw new IllegalStateException("cannot map this name");
      }
      return row;
    })).build()) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.deadLettered()).isEqualTo(1);
      assertThat(report.inserted()).isEqualTo(1);
      assertThat(state.deadLetters(null, 0, 10)).singleElement()
          .satisfies(letter -> assertThat(letter.reason()).contains("cannot map this name"));
    }
  }

  @Test
  void failPolicyFailsTheJobNamingTheKey() {
    source.put(ITEMS, 1L, "ok", 1L).put(ITEMS, 42L, "bad", -1L);
    try (SyncEngine engine = builder().validator(NON_NEGATIVE_QTY).deadLetterPolicy(DeadLetterPolicy.FAIL).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("(42)").contains("items").contains("non-negative");
      assertThat(state.deadLetters(null, 0, 10)).isEmpty();
    }
  }
}
