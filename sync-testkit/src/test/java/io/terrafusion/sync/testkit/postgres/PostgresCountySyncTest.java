package io.terrafusion.sync.testkit.postgres;

import static io.terrafusion.sync.testkit.CountyProject.PARCELS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The county project synced between H2 and PostgreSQL in both directions, with batches large enough for COPY. */
class PostgresCountySyncTest {
  private ServerDatabase postgres;
  private EmbeddedDatabase h2;

  @BeforeEach
  void createDatabases() {
    ServerDatabase.require(Kind.POSTGRESQL);
    postgres = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_county_sync_test");
    h2 = EmbeddedDatabase.h2();
    CountyProject.createSchema(postgres);
    CountyProject.createSchema(h2);
  }

  @AfterEach
  void dropDatabases() {
    if (h2 != null) {
      h2.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void h2ToPostgresCarriesInsertsUpdatesAndDeletes() {
    RecordingPostgres dialect = new RecordingPostgres();
    syncsBothDays(h2, h2.store(), JdbcStore.builder(postgres.dataSource()).dialect(dialect).build());
    assertThat(dialect.loads).as("first sync of assessments takes the COPY path").isNotEmpty();
  }

  @Test
  void postgresToH2CarriesInsertsUpdatesAndDeletes() {
    syncsBothDays(postgres, postgres.store(), h2.store());
  }

  private static void syncsBothDays(TestDatabase source, JdbcStore sourceStore, JdbcStore targetStore) {
    CountyProject.generate(sourceStore, 900, 21);
    try (SyncEngine engine = SyncEngine.builder().source(sourceStore).target(targetStore).batchSize(1_200).build()) {
      SyncReport first = engine.run(SyncRequest.full());
      assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(first.inserted()).isEqualTo(source.count("owners") + source.count("parcels")
          + source.count("assessments") + source.count("permits"));
      SyncAssertions.assertSameRows(sourceStore, targetStore, CountyProject.tables());

      CountyProject.Mutation day = CountyProject.mutate(sourceStore, 8);
      SyncReport second = engine.run(SyncRequest.full());
      assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(second.inserted()).isEqualTo(day.inserted());
      assertThat(second.updated()).isEqualTo(day.updated());
      assertThat(second.deleted()).isEqualTo(day.deleted());
      assertThat(second.table(PARCELS).orElseThrow().deleted()).isPositive();
      SyncAssertions.assertSameRows(sourceStore, targetStore, CountyProject.tables());

      assertThat(engine.run(SyncRequest.full()).changed()).isZero();
    }
  }
}
