package io.terrafusion.sync.testkit.changelog;

import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.TestDatabase;

/** The changelog detector from H2, whose triggers are a Java class of sync-jdbc loaded by H2. */
class H2ChangelogSyncTest extends ChangelogSyncContract {
  @Override
  TestDatabase createSource() {
    return EmbeddedDatabase.h2();
  }

  @Override
  String setNonUtcZone() {
    return "SET TIME ZONE 'America/New_York'";
  }
}
