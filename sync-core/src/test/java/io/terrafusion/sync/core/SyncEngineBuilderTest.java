package io.terrafusion.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.SyncRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncEngineBuilderTest {
  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());

  @Test
  void rejectsMissingSource() {
    assertThat(problems(SyncEngine.builder().target(target)))
        .containsExactly("source is required but was not set");
  }

  @Test
  void rejectsMissingTarget() {
    assertThat(problems(SyncEngine.builder().source(source)))
        .containsExactly("target is required but was not set");
  }

  @Test
  void rejectsSameStoreAsSourceAndTarget() {
    assertThat(problems(SyncEngine.builder().source(target).target(target)))
        .containsExactly("source and target must be different stores but the same object was given for both");
  }

  @Test
  void rejectsZeroBatchSize() {
    assertThat(problems(SyncEngine.builder().source(source).target(target).batchSize(0)))
        .containsExactly("batchSize must be between 1 and 100000 but was 0");
  }

  @Test
  void rejectsNegativeBatchSize() {
    assertThat(problems(SyncEngine.builder().source(source).target(target).batchSize(-1)))
        .containsExactly("batchSize must be between 1 and 100000 but was -1");
  }

  @Test
  void rejectsTooLargeBatchSize() {
    assertThat(problems(SyncEngine.builder().source(source).target(target).batchSize(100_001)))
        .containsExactly("batchSize must be between 1 and 100000 but was 100001");
  }

  @Test
  void acceptsBatchSizeBounds() {
    try (SyncEngine low = SyncEngine.builder().source(source).target(target).batchSize(1).build();
        SyncEngine high = low.toBuilder().batchSize(100_000).build()) {
      assertThat(low).isNotSameAs(high);
    }
  }

  @Test
  void reportsEveryProblemInOneException() {
    InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
        () -> SyncEngine.builder().batchSize(-5).build());
    assertThat(e.problems()).containsExactly(
        "source is required but was not set",
        "target is required but was not set",
        "batchSize must be between 1 and 100000 but was -5");
    assertThat(e).hasMessageContaining("3 problems");
  }

  @Test
  void rejectsNullArgumentAtOnce() {
    assertThatThrownBy(() -> SyncEngine.builder().source(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
    assertThatThrownBy(() -> SyncEngine.builder().auditSink(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("auditSink");
  }

  @Test
  void toBuilderDerivesAVariantWithItsOwnJobs() {
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).build();
        SyncEngine variant = engine.toBuilder().batchSize(2).build()) {
      source.put(Schemas.ITEMS, 1L, "a", 1L);
      engine.run(SyncRequest.full());
      String id = variant.start(SyncRequest.full()).id();
      assertThat(variant.job(id)).isPresent();
      assertThat(engine.job(id)).isEmpty();
      assertThat(target.rows(Schemas.ITEMS)).hasSize(1);
    }
  }

  private static List<String> problems(SyncEngineBuilder builder) {
    return catchThrowableOfType(InvalidConfigurationException.class, builder::build).problems();
  }
}
