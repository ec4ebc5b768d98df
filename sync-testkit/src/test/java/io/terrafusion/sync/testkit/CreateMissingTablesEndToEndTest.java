package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The county project synced into an empty database with createMissingTables: the target ends equal. */
class CreateMissingTablesEndToEndTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.terrafusion.sync.testkit.EmbeddedPairs#all")
  void emptyTargetReceivesTablesAndRows(String name, Supplier<EmbeddedDatabase> sourceKind,
      Supplier<EmbeddedDatabase> targetKind) {
    try (EmbeddedDatabase source = sourceKind.get(); EmbeddedDatabase target = targetKind.get()) {
      CountyProject.createSchema(source);
      CountyProject.generate(source.store(), 90, 3);

      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store())
          .createMissingTables(true).build()) {
        SyncReport first = engine.run(SyncRequest.full());
        assertThat(first.inserted()).isEqualTo(
            source.count("owners") + source.count("parcels") + source.count("assessments") + source.count("permits"));
        SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());
        for (TableId table : CountyProject.tables()) {
          assertThat(target.store().table(table).orElseThrow().primaryKey())
              .isEqualTo(source.store().table(table).orElseThrow().primaryKey());
        }
        assertThat(engine.run(SyncRequest.full()).changed()).isZero();
      }
    }
  }
}
