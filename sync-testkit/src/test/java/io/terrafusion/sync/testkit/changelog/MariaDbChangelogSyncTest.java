package io.terrafusion.sync.testkit.changelog;

import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The changelog detector from MariaDB, whose triggers are AFTER triggers. String keys are in a
 * byte-wise collation, as MariaDB's default would hold {@code a} and {@code A} as one key; a
 * TIMESTAMP cannot be a MariaDB key (see the dialect), so zoned keys are DATETIME only.
 */
class MariaDbChangelogSyncTest extends ChangelogSyncContract {
  @Override
  TestDatabase createSource() {
    ServerDatabase.require(Kind.MARIADB);
    return ServerDatabase.create(Kind.MARIADB, "changelog_maria_source");
  }

  @Override
  String stringKeyType() {
    return "VARCHAR(20) COLLATE utf8mb4_nopad_bin";
  }

  @Override
  String timestampType() {
    return "DATETIME(6)";
  }

  @Override
  @Nullable String instantKeyType() {
    return null;
  }

  @Override
  String setNonUtcZone() {
    return "SET time_zone = '-05:00'";
  }
}
