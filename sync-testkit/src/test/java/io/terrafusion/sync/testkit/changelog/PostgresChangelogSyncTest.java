package io.terrafusion.sync.testkit.changelog;

import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;

/** The changelog detector from PostgreSQL, whose triggers call a PL/pgSQL function per table. */
class PostgresChangelogSyncTest extends ChangelogSyncContract {
  @Override
  TestDatabase createSource() {
    ServerDatabase.require(Kind.POSTGRESQL);
    return ServerDatabase.create(Kind.POSTGRESQL, "changelog_pg_source");
  }

  @Override
  String instantKeyType() {
    return "TIMESTAMPTZ(6)";
  }

  @Override
  String setNonUtcZone() {
    return "SET TIME ZONE 'America/New_York'";
  }
}
