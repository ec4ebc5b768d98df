package io.terrafusion.sync.testkit.changelog;

import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The changelog detector from SQLite. SQLite has one writer at a time, so a transaction held open
 * with a write would block the sync's pruning, and it has no session time zone: those two tests skip.
 */
class SqliteChangelogSyncTest extends ChangelogSyncContract {
  @Override
  TestDatabase createSource() {
    return EmbeddedDatabase.sqlite();
  }

  @Override
  @Nullable String setNonUtcZone() {
    return null;
  }

  /** sqlite-jdbc's metadata queries cannot introspect a table whose name holds quotes. */
  @Override
  String oddTableName() {
    return "A table with spaces and more than forty characters";
  }

  @Override
  boolean concurrentWriters() {
    return false;
  }
}
