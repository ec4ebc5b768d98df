package io.terrafusion.sync.testkit.changelog;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Keys recorded by the changelog triggers decode to exactly the keys written, on H2, SQLite,
 * PostgreSQL and MariaDB: text with quotes, backslashes, control and astral characters, the extremes
 * of BIGINT, and decimals at their scale.
 */
class ChangelogKeyPropertyTest {
  private static EmbeddedDatabase h2;
  private static EmbeddedDatabase sqlite;
  private static ServerDatabase postgres;
  private static ServerDatabase mariadb;

  @AfterContainer
  static void dropDatabases() {
    for (AutoCloseable db : new AutoCloseable[] {h2, sqlite, postgres, mariadb}) {
      if (db != null) {
        try {
          db.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Provide
  Arbitrary<Set<List<Object>>> keys() {
    return KeyRoundTrip.keys();
  }

  @Property(tries = 25)
  void h2KeysRoundTrip(@ForAll("keys") Set<List<Object>> keys) {
    if (h2 == null) {
      h2 = EmbeddedDatabase.h2();
      KeyRoundTrip.install(h2, "VARCHAR(40)");
    }
    KeyRoundTrip.check(h2.store(), table(h2), keys);
  }

  @Property(tries = 25)
  void sqliteKeysRoundTrip(@ForAll("keys") Set<List<Object>> keys) {
    if (sqlite == null) {
      sqlite = EmbeddedDatabase.sqlite();
      KeyRoundTrip.install(sqlite, "VARCHAR(40)");
    }
    KeyRoundTrip.check(sqlite.store(), table(sqlite), keys);
  }

  @Property(tries = 25)
  void postgresKeysRoundTrip(@ForAll("keys") Set<List<Object>> keys) {
    if (postgres == null) {
      ServerDatabase.require(Kind.POSTGRESQL);
      postgres = ServerDatabase.create(Kind.POSTGRESQL, "changelog_pg_keys");
      KeyRoundTrip.install(postgres, "TEXT");
    }
    KeyRoundTrip.check(postgres.store(), table(postgres), keys);
  }

  @Property(tries = 25)
  void mariaDbKeysRoundTrip(@ForAll("keys") Set<List<Object>> keys) {
    if (mariadb == null) {
      ServerDatabase.require(Kind.MARIADB);
      mariadb = ServerDatabase.create(Kind.MARIADB, "changelog_maria_keys");
      KeyRoundTrip.install(mariadb, "VARCHAR(40) COLLATE utf8mb4_nopad_bin");
    }
    KeyRoundTrip.check(mariadb.store(), table(mariadb), keys);
  }

  private static TableSchema table(TestDatabase db) {
    return db.store().table(KeyRoundTrip.KEYS).orElseThrow();
  }
}
