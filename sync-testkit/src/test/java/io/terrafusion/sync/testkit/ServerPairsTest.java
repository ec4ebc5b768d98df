package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only a PostgreSQL and a MariaDB server together show: string keys and bad rows between them. */
class ServerPairsTest {
  private static final TableId TAGS = TableId.of("tags");
  private static final List<String> KEYS = List.of("a", "A", "a ", "ä", "Ä", "ss", "ß", "😀", "\uFFFD", "\uE000", "業主");

  @Test
  void mixedCaseAndUnicodeKeysSurvivePostgresToMariaDbAndBack() {
    ServerDatabase.require(Kind.POSTGRESQL);
    ServerDatabase.require(Kind.MARIADB);
    try (ServerDatabase pg = ServerDatabase.create(Kind.POSTGRESQL, "pairs_keys_pg");
        ServerDatabase maria = ServerDatabase.create(Kind.MARIADB, "pairs_keys_maria");
        ServerDatabase back = ServerDatabase.create(Kind.POSTGRESQL, "pairs_keys_back")) {
      pg.execute("CREATE TABLE tags (tag VARCHAR(20) PRIMARY KEY, note VARCHAR(40))");
      for (String key : KEYS) {
        pg.update("INSERT INTO tags VALUES (?, ?)", key, "note of " + key);
      }

      // The MariaDB table is created by the library, which must give it a byte-wise collation.
      try (SyncEngine there = SyncEngine.builder().source(pg.store()).target(maria.store()).createMissingTables(true).build()) {
        assertThat(there.run(SyncRequest.full(TAGS)).inserted()).isEqualTo(KEYS.size());
      }
      try (SyncEngine home = SyncEngine.builder().source(maria.store()).target(back.store()).createMissingTables(true).build()) {
        assertThat(home.run(SyncRequest.full(TAGS)).inserted()).isEqualTo(KEYS.size());
      }

      assertThat(maria.count("tags")).isEqualTo(KEYS.size());
      SyncAssertions.assertSameRows(pg.store(), maria.store(), List.of(TAGS));
      SyncAssertions.assertSameRows(pg.store(), back.store(), List.of(TAGS));
    }
  }

  @Test
  void textTooLongForTheTargetIsDeadLetteredNamingItAndTheRestOfTheBatchIsApplied() {
    ServerDatabase.require(Kind.POSTGRESQL);
    ServerDatabase.require(Kind.MARIADB);
    for (boolean toMaria : new boolean[] {true, false}) {
      try (ServerDatabase pg = ServerDatabase.create(Kind.POSTGRESQL, "pairs_long_pg");
          ServerDatabase maria = ServerDatabase.create(Kind.MARIADB, "pairs_long_maria")) {
        ServerDatabase source = toMaria ? pg : maria;
        ServerDatabase target = toMaria ? maria : pg;
        source.execute("CREATE TABLE tags (tag VARCHAR(20) PRIMARY KEY, note VARCHAR(400))");
        target.execute("CREATE TABLE tags (tag VARCHAR(20) PRIMARY KEY, note VARCHAR(10))");
        for (int i = 0; i < 1500; i++) {
          source.update("INSERT INTO tags VALUES (?, ?)", String.format("t%04d", i), i == 700 ? "secret-" + "x".repeat(100) : "short");
        }
        InMemoryStateStore state = new InMemoryStateStore();
        try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).stateStore(state)
            .batchSize(1500).build()) {
          SyncReport report = engine.run(SyncRequest.full(TAGS));

          assertThat(report.inserted()).isEqualTo(1499);
          assertThat(report.table(TAGS).orElseThrow().deadLettered()).isEqualTo(1);
          assertThat(target.count("tags")).isEqualTo(1499);
          DeadLetter letter = state.deadLetters(TAGS, 0, 10).get(0);
          assertThat(letter.key().get(0)).isEqualTo("t0700");
          assertThat(letter.reason())
              .contains("tags", "'t0700'", "note", "String", "VARCHAR")
              .doesNotContain("secret");
        }
      }
    }
  }
}
