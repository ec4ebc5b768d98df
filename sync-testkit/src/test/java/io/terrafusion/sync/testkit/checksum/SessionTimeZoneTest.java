package io.terrafusion.sync.testkit.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.SegmentChecksums.Segment;
import io.terrafusion.sync.testkit.EdgeValueTable;
import io.terrafusion.sync.testkit.SessionDataSource;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session's time zone does not change a checksum: the edge-value table checksums alike in a UTC
 * session and in one at +05:30 (a zone with a half-hour offset), timestamps with time zone included.
 */
class SessionTimeZoneTest {

  @ParameterizedTest
  @EnumSource(ChecksumDb.class)
  void checksumsDoNotDependOnTheSessionTimeZone(ChecksumDb kind) {
    try (TestDatabase db = kind.open("cksum_zone_" + kind.name().toLowerCase(Locale.ROOT))) {
      EdgeValueTable.createSchema(db);
      EdgeValueTable.fill(db, false);
      SegmentChecksums utc = store(db, kind == ChecksumDb.MARIADB ? "SET time_zone = '+00:00'" : "SET TIME ZONE 'UTC'");
      SegmentChecksums india = store(db, kind == ChecksumDb.MARIADB ? "SET time_zone = '+05:30'"
          : "SET TIME ZONE 'Asia/Kolkata'");
      TableSchema table = ChecksumDb.table(db, "edge_values");
      List<String> columns = ChecksumDb.names(table);
      for (String column : List.of("d", "t", "ts", "tstz")) {
        List<String> pair = List.of("id", column);
        assertThat(india.checksums(table, pair, List.of(KeyRange.all())))
            .as("column %s", column).isEqualTo(utc.checksums(table, pair, List.of(KeyRange.all())));
      }
      List<Segment> split = utc.split(table, columns, KeyRange.all(), 3);
      assertThat(india.split(table, columns, KeyRange.all(), 3)).isEqualTo(split);
    }
  }

  private static SegmentChecksums store(TestDatabase db, String sessionStatement) {
    return JdbcStore.builder(SessionDataSource.of(db.dataSource(), sessionStatement)).build()
        .segmentChecksums().orElseThrow();
  }
}
