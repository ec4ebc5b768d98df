package io.terrafusion.sync.testkit.checksum;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;

/** The databases whose stores compute segment checksums, and shorthands for the tests of this package. */
enum ChecksumDb {
  H2, POSTGRESQL, MARIADB;

  /** A fresh database; the server ones skip the test (fail under CI) when the server is not running. */
  TestDatabase open(String name) {
    return switch (this) {
      case H2 -> EmbeddedDatabase.h2();
      case POSTGRESQL -> {
        ServerDatabase.require(Kind.POSTGRESQL);
        yield ServerDatabase.create(Kind.POSTGRESQL, name);
      }
      case MARIADB -> {
        ServerDatabase.require(Kind.MARIADB);
        yield ServerDatabase.create(Kind.MARIADB, name);
      }
    };
  }

  static SegmentChecksums checksums(TestDatabase db) {
    return db.store().segmentChecksums().orElseThrow();
  }

  static TableSchema table(TestDatabase db, String name) {
    return db.store().table(TableId.of(name)).orElseThrow();
  }

  /** The checksum of a whole table over the given columns. */
  static Segment whole(TestDatabase db, TableSchema table, List<String> columns) {
    return checksums(db).checksums(table, columns, List.of(KeyRange.all())).get(0);
  }

  static List<String> names(TableSchema table) {
    return table.columns().stream().map(c -> c.name()).toList();
  }
}
