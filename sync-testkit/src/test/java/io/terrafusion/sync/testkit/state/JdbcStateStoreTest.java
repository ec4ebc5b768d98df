package io.terrafusion.sync.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the JDBC state store adds to the contract: its tables, their version, and state that outlives an instance. */
class JdbcStateStoreTest {
  private static final TableId PARCELS = TableId.of("parcels");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private final EmbeddedDatabase h2 = EmbeddedDatabase.h2();
  private final EmbeddedDatabase sqlite = EmbeddedDatabase.sqlite();

  @AfterEach
  void dropDatabases() {
    h2.close();
    sqlite.close();
  }

  @Test
  void tablesAreCreatedOnFirstUseNotWhenBuilt() {
    JdbcStateStore store = JdbcStateStore.create(h2.dataSource());
    assertThat(stateTables()).isZero();
    assertThat(store.checkpoint(PARCELS, "full")).isEmpty();
    assertThat(stateTables()).isEqualTo(6);
  }

  @Test
  void schemaVersionIsRecorded() {
    JdbcStateStore store = JdbcStateStore.create(sqlite.dataSource());
    store.jobs(0, 1);
    assertThat(sqlite.queryLong("SELECT MAX(version) FROM tfsync_schema_version")).isEqualTo(1);
    assertThat(sqlite.queryLong("SELECT COUNT(*) FROM tfsync_schema_version")).isEqualTo(1);
    assertThat(store.schemaVersionTable()).isEqualTo(TableId.of("tfsync_schema_version"));
  }

  @Test
  void stateSurvivesIntoASecondInstance() {
    JdbcStateStore first = JdbcStateStore.create(sqlite.dataSource());
    Conflict conflict = new Conflict("c1", PARCELS, RowKey.of(1L), ChangeKind.DELETE, null, null, T0);
    DeadLetter letter = new DeadLetter("d1", "job-1", PARCELS, RowKey.of(2L), null, "not null violated", T0);
    JobStatus job = new JobStatus("job-1", JobState.SUCCEEDED, SyncRequest.full(PARCELS), T0, T0, T0, List.of(), null);
    first.saveCheckpoint(new Checkpoint(PARCELS, "full", "[[\"Long\",\"41\"]]"));
    first.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(7, 8)), List.of());
    first.addConflict(conflict);
    first.addDeadLetter(letter);
    first.saveJob(job);

    JdbcStateStore second = JdbcStateStore.create(sqlite.dataSource());
    assertThat(second.checkpoint(PARCELS, "full")).map(Checkpoint::position).contains("[[\"Long\",\"41\"]]");
    assertThat(second.baseHashes(PARCELS, List.of(RowKey.of(1L)))).containsExactly(Map.entry(RowKey.of(1L), new RowHash(7, 8)));
    assertThat(second.conflicts(null, 0, 10)).containsExactly(conflict);
    assertThat(second.deadLetters(null, 0, 10)).containsExactly(letter);
    assertThat(second.jobs(0, 10)).containsExactly(job);
  }

  @Test
  void newerSchemaVersionFailsNamingBothVersions() {
    JdbcStateStore.create(h2.dataSource()).jobs(0, 1);
    h2.update("INSERT INTO \"tfsync_schema_version\" (\"version\", \"applied_at\") VALUES (2, 'later')");
    JdbcStateStore older = JdbcStateStore.create(h2.dataSource());
    assertThatThrownBy(() -> older.checkpoint(PARCELS, "full"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tfsync_schema_version")
        .hasMessageContaining("at version 2, newer than version 1");
  }

  @Test
  void tablePrefixesKeepStoresApart() {
    JdbcStateStore a = JdbcStateStore.builder(h2.dataSource()).tablePrefix("a_").build();
    JdbcStateStore b = JdbcStateStore.builder(h2.dataSource()).tablePrefix("b_").build();
    a.saveCheckpoint(new Checkpoint(PARCELS, "full", "1"));
    assertThat(b.checkpoint(PARCELS, "full")).isEmpty();
    assertThat(h2.queryLong("SELECT COUNT(*) FROM \"a_checkpoints\"")).isEqualTo(1);
  }

  @Test
  void schemaOptionPutsTheTablesInThatSchema() {
    h2.execute("CREATE SCHEMA state");
    JdbcStateStore store = JdbcStateStore.builder(h2.dataSource()).schema("state").build();
    store.addConflict(new Conflict("c1", PARCELS, RowKey.of(1L), ChangeKind.DELETE, null, null, T0));
    assertThat(h2.queryLong("SELECT COUNT(*) FROM state.\"tfsync_conflicts\"")).isEqualTo(1);
    assertThat(store.schemaVersionTable()).isEqualTo(TableId.of("state", "tfsync_schema_version"));
  }

  @Test
  void rejectsTablePrefixThatIsNotAnIdentifier() {
    assertThatThrownBy(() -> JdbcStateStore.builder(h2.dataSource()).tablePrefix("x; DROP").schema(" ").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("tablePrefix must be")
        .hasMessageContaining("schema must be");
  }

  private long stateTables() {
    return h2.queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'tfsync%'");
  }
}
