package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.jdbc.internal.StateMigration;
import io.terrafusion.sync.jdbc.internal.StateSchema;
import io.terrafusion.sync.jdbc.internal.StateTables;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** An older state schema is upgraded by the missing migration steps, in order, each once. */
class JdbcStateStoreMigrationTest {
  private final DataSource dataSource = TestDatabases.h2();
  private final Jdbi jdbi = Jdbi.create(dataSource);
  private final StateTables tables = new StateTables(Dialects.h2(), null, "tfsync_");

  @Test
  void olderSchemaRunsOnlyTheMissingStepsInOrder() {
    List<Integer> ran = new ArrayList<>();
    jdbi.useHandle(new StateSchema(tables, StateMigration.builtIns())::migrate);

    StateSchema upgraded = new StateSchema(tables, List.of(StateMigration.builtIns().get(0),
        step(2, "CREATE TABLE \"tfsync_extra\" (\"id\" BIGINT PRIMARY KEY)", ran),
        step(3, "ALTER TABLE \"tfsync_extra\" ADD COLUMN \"note\" VARCHAR(10)", ran)));
    jdbi.useHandle(upgraded::migrate);
    jdbi.useHandle(upgraded::migrate);

    assertThat(ran).containsExactly(2, 3);
    int installed = jdbi.withHandle(upgraded::installed);
    assertThat(installed).isEqualTo(3);
    int inserted = jdbi.withHandle(h -> h.execute("INSERT INTO \"tfsync_extra\" (\"id\", \"note\") VALUES (1, 'x')"));
    assertThat(inserted).as("step 3 added the column").isEqualTo(1);
  }

  @Test
  void storeOfAnOlderLibraryRefusesAnUpgradedSchema() {
    jdbi.useHandle(new StateSchema(tables, List.of(StateMigration.builtIns().get(0),
        step(2, "CREATE TABLE \"tfsync_extra\" (\"id\" BIGINT PRIMARY KEY)", new ArrayList<>())))::migrate);
    JdbcStateStore store = JdbcStateStore.create(dataSource);
    assertThatThrownBy(() -> store.jobs(0, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at version 2, newer than version 1");
  }

  @Test
  void rejectsStepsOutOfOrder() {
    List<StateMigration> steps = List.of(step(2, "SELECT 1", new ArrayList<>()));
    assertThatThrownBy(() -> new StateSchema(tables, steps)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("migration 0 must reach version 1 but reaches 2");
  }

  private static StateMigration step(int version, String ddl, List<Integer> ran) {
    return new StateMigration(version, "test step " + version, t -> {
      ran.add(version);
      return List.of(ddl);
    });
  }
}
