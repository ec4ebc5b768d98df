package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The county project synced between H2 and MariaDB in both directions. The county's owner keys
 * {@code O-Tribal} and {@code o-tribal} differ only in case, so the MariaDB database gets a binary
 * default collation, as the dialect documents for key columns.
 */
class MariaDbCountySyncTest {
  private ServerDatabase maria;
  private EmbeddedDatabase h2;

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(ServerDatabase.Kind.MARIADB);
    maria = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_county_test");
    h2 = EmbeddedDatabase.h2();
    CountyProject.createSchema(maria);
    CountyProject.createSchema(h2);
  }

  @AfterEach
  void dropDatabases() {
    if (h2 != null) {
      h2.close();
    }
    if (maria != null) {
      maria.close();
    }
  }

  @Test
  void h2ToMariaDbCarriesInsertsUpdatesAndDeletes() {
    syncThenMutateThenSync(h2, maria);
  }

  @Test
  void mariaDbToH2CarriesInsertsUpdatesAndDeletes() {
    syncThenMutateThenSync(maria, h2);
  }

  private static void syncThenMutateThenSync(TestDatabase source, TestDatabase target) {
    CountyProject.generate(source.store(), 700, 21);
    try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(600).build()) {
      SyncReport first = engine.run(SyncRequest.full());
      assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
      SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());

      CountyProject.Mutation day = CountyProject.mutate(source.store(), 8);
      SyncReport second = engine.run(SyncRequest.full());
      assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(second.inserted()).isEqualTo(day.inserted());
      assertThat(second.updated()).isEqualTo(day.updated());
      assertThat(second.deleted()).isEqualTo(day.deleted()).isPositive();
      SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());

      assertThat(engine.run(SyncRequest.full()).changed()).isZero();
    }
  }
}
