package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of supported databases syncs the county project and the edge-value table and ends equal
 * under the canonical comparison, deletes included. Pairs with a server that is not running are skipped
 * (failed under CI).
 */
class CrossDialectMatrixTest {

  /** The databases of the matrix. */
  enum Db {
    H2, SQLITE, POSTGRESQL, MARIADB;

    TestDatabase open(String name) {
      return switch (this) {
        case H2 -> EmbeddedDatabase.h2();
        case SQLITE -> EmbeddedDatabase.sqlite();
        case POSTGRESQL -> ServerDatabase.create(Kind.POSTGRESQL, name);
        case MARIADB -> ServerDatabase.create(Kind.MARIADB, name);
      };
    }

    void require() {
      if (this == POSTGRESQL) {
        ServerDatabase.require(Kind.POSTGRESQL);
      } else if (this == MARIADB) {
        ServerDatabase.require(Kind.MARIADB);
      }
    }
  }

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Db source : Db.values()) {
      for (Db target : Db.values()) {
        pairs.add(Arguments.of(source, target));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void everyPairSyncsTheProjectAndTheEdgeValues(Db sourceDb, Db targetDb) {
    sourceDb.require();
    targetDb.require();
    String prefix = "matrix_" + sourceDb.name().toLowerCase(Locale.ROOT) + "_" + targetDb.name().toLowerCase(Locale.ROOT);
    try (TestDatabase source = sourceDb.open(prefix + "_s"); TestDatabase target = targetDb.open(prefix + "_t")) {
      CountyProject.createSchema(source);
      CountyProject.createSchema(target);
      EdgeValueTable.createSchema(source);
      EdgeValueTable.createSchema(target);
      CountyProject.generate(source.store(), 40, 17);
      EdgeValueTable.fill(source, EdgeValueTable.storesNonFinite(source) && EdgeValueTable.storesNonFinite(target));
      List<TableId> tables = new ArrayList<>(CountyProject.tables());
      tables.add(EdgeValueTable.TABLE);

      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(50).build()) {
        SyncReport first = engine.run(SyncRequest.full());
        assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
        SyncAssertions.assertSameRows(source.store(), target.store(), tables);

        CountyProject.Mutation day = CountyProject.mutate(source.store(), 23);
        SyncReport second = engine.run(SyncRequest.full());
        assertThat(second.deleted()).isEqualTo(day.deleted());
        SyncAssertions.assertSameRows(source.store(), target.store(), tables);

        assertThat(engine.run(SyncRequest.full()).changed()).as("a third sync finds nothing to do").isZero();
      }
    }
  }
}
