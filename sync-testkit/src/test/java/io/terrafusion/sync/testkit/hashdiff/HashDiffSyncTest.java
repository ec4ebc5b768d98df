package io.terrafusion.sync.testkit.hashdiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.SessionDataSource;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash-diff detector end to end on real databases, within one dialect and across PostgreSQL and
 * MariaDB: identical tables report nothing and read no rows (nothing is counted as unchanged, as
 * equal segments are skipped), and one missing, one extra and one changed row give exactly three
 * changes, for string, composite and UUID keys.
 */
class HashDiffSyncTest {
  private static final TableId ACCOUNTS = TableId.of("accounts");
  private static final TableId DEVICES = TableId.of("devices");
  private static final int ROWS = 2_000;

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("h2", "h2"),
        Arguments.of("postgresql", "postgresql"),
        Arguments.of("mariadb", "mariadb"),
        Arguments.of("postgresql", "mariadb"),
        Arguments.of("mariadb", "postgresql"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void identicalTablesReportNothingAndThreeDifferencesGiveThreeChanges(String from, String to) {
    try (TestDatabase source = open(from, "hd_src_" + from + "_" + to);
        TestDatabase target = open(to, "hd_dst_" + from + "_" + to)) {
      for (TestDatabase db : List.of(source, target)) {
        db.execute("CREATE TABLE accounts (region VARCHAR(10) NOT NULL, code VARCHAR(20) NOT NULL,"
                + " balance DECIMAL(12,2), note VARCHAR(100), opened DATE, PRIMARY KEY (region, code))",
            "CREATE TABLE devices (id UUID NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, seen "
                + (db instanceof ServerDatabase s && s.kind() == Kind.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)") + ")");
      }
      StringJoiner accounts = new StringJoiner(", ", "INSERT INTO accounts VALUES ", "");
      StringJoiner devices = new StringJoiner(", ", "INSERT INTO devices VALUES ", "");
      for (int i = 0; i < ROWS; i++) {
        // 'a' and 'A' regions are two keys everywhere: the order is byte-wise whatever the collation.
        accounts.add(String.format(Locale.ROOT, "('%s', 'c%05d', %d.25, 'note é %d', DATE '2025-01-01')",
            i % 2 == 0 ? "a" : "A", i, i, i));
        devices.add(String.format(Locale.ROOT, "('%s', 'device %d', TIMESTAMP '2025-06-01 12:00:00.123456')", uuid(i), i));
      }
      source.execute(accounts.toString(), devices.toString());
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(200).build()) {
        SyncReport initial = engine.run(SyncRequest.full(ACCOUNTS, DEVICES));
        assertThat(initial.inserted()).isEqualTo(2L * ROWS);

        SyncReport same = engine.run(SyncRequest.incremental(ACCOUNTS, DEVICES));
        assertThat(same.changed()).isZero();
        assertThat(same.tables()).extracting(TableReport::unchanged).containsOnly(0L);

        source.update("DELETE FROM accounts WHERE region = 'A' AND code = ?", "c00101");
        source.update("INSERT INTO accounts VALUES ('a', 'c99999', 1.00, 'new', NULL)");
        source.update("UPDATE accounts SET balance = balance + 0.01 WHERE region = 'a' AND code = ?", "c01000");
        source.update("DELETE FROM devices WHERE id = ?", uuid(7));
        source.update("INSERT INTO devices VALUES (?, 'new', NULL)", uuid(ROWS + 1));
        source.update("UPDATE devices SET seen = TIMESTAMP '2025-06-01 12:00:00.123457' WHERE id = ?", uuid(1500));

        SyncReport changes = engine.run(SyncRequest.incremental(ACCOUNTS, DEVICES));
        for (TableId table : List.of(ACCOUNTS, DEVICES)) {
          TableReport report = changes.table(table).orElseThrow();
          assertThat(List.of(report.inserted(), report.updated(), report.deleted())).as(table.name())
              .containsExactly(1L, 1L, 1L);
          // Only the rows of the few small segments that differ are compared one by one.
          assertThat(report.unchanged()).as(table.name()).isLessThan(ROWS / 4);
        }
        SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ACCOUNTS, DEVICES));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zones")
  void sessionsInOtherTimeZonesCompareEqualRowsAsEqual(String kind, String sourceZone, String targetZone) {
    try (TestDatabase source = open(kind, "hd_zone_src_" + kind);
        TestDatabase target = open(kind, "hd_zone_dst_" + kind)) {
      String instant = kind.equals("mariadb") ? "TIMESTAMP(6) NULL" : "TIMESTAMP(6) WITH TIME ZONE";
      for (TestDatabase db : List.of(source, target)) {
        db.execute("CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, at_instant " + instant + ")");
      }
      for (int i = 0; i < 300; i++) {
        source.execute(String.format("INSERT INTO events VALUES (%d, TIMESTAMP '2025-03-30 %02d:%02d:00.%06d')", i,
            i / 60, i % 60, i * 7));
      }
      JdbcStore zonedSource = JdbcStore.of(SessionDataSource.of(source.dataSource(), sourceZone));
      JdbcStore zonedTarget = JdbcStore.of(SessionDataSource.of(target.dataSource(), targetZone));
      try (SyncEngine engine = SyncEngine.builder().source(zonedSource).target(zonedTarget).batchSize(50)
          .incrementalDetector(HashDiffDetector.create()).build()) {
        engine.run(SyncRequest.full(TableId.of("events")));
        SyncReport again = engine.run(SyncRequest.incremental(TableId.of("events")));

        assertThat(again.changed()).isZero();
        assertThat(again.tables()).extracting(TableReport::unchanged).containsOnly(0L);
      }
      SyncAssertions.assertSameRows(source.store(), target.store(), List.of(TableId.of("events")));
    }
  }

  static Stream<Arguments> zones() {
    return Stream.of(
        Arguments.of("postgresql", "SET TIME ZONE 'Asia/Kolkata'", "SET TIME ZONE 'America/Los_Angeles'"),
        Arguments.of("mariadb", "SET time_zone = '+05:30'", "SET time_zone = '-08:00'"));
  }

  private static TestDatabase open(String kind, String name) {
    return switch (kind) {
      case "h2" -> EmbeddedDatabase.h2();
      case "postgresql" -> server(Kind.POSTGRESQL, name);
      default -> server(Kind.MARIADB, name);
    };
  }

  private static TestDatabase server(Kind kind, String name) {
    ServerDatabase.require(kind);
    return ServerDatabase.create(kind, name);
  }

  private static UUID uuid(int i) {
    return new UUID(0x1234_5678_9abc_def0L ^ (long) i * 0x9E37_79B9_7F4A_7C15L, i);
  }
}
