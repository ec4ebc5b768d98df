package io.terrafusion.sync.testkit.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.jdbc.Changelog;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.SessionDataSource;
import io.terrafusion.sync.testkit.SyncAssertions;
import io.terrafusion.sync.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changelog detector end to end through the engine, from one source database (each subclass's)
 * to an H2 target: what the issue asks of it, on every database that has triggers.
 */
abstract class ChangelogSyncContract {
  static final TableId ITEMS = TableId.of("items");
  static final TableId TAGS = TableId.of("tags");
  static final TableId TOKENS = TableId.of("tokens");
  static final TableId READINGS = TableId.of("readings");
  static final TableId EVENTS = TableId.of("events");
  static final List<String> AWKWARD = List.of("plain", "it's", "back\\slash", "quote\"d", "tab\there", "ä", "Ä",
      "業主", "😀", "\uFFFD", "\uE000", "a", "A", "a ", "[1]", "null", "");

  TestDatabase source;
  EmbeddedDatabase target;

  /** A fresh source database. */
  abstract TestDatabase createSource();

  /** The column type of a string key that keeps {@code a}, {@code A} and {@code a } apart. */
  String stringKeyType() {
    return "VARCHAR(20)";
  }

  String uuidType() {
    return "UUID";
  }

  String timestampType() {
    return "TIMESTAMP(6)";
  }

  /** The type of a timestamp with time zone; null when it cannot be a key column. */
  @Nullable String instantKeyType() {
    return "TIMESTAMP(6) WITH TIME ZONE";
  }

  /** A table name with quotes and spaces, longer than a trigger name can repeat. */
  String oddTableName() {
    return "Odd 'table' \"name\" with more than forty characters";
  }

  /** The statement that puts a session in a time zone other than UTC; null when the database has no session zone. */
  abstract @Nullable String setNonUtcZone();

  /** Whether a transaction can stay open with a write while another connection writes and syncs. */
  boolean concurrentWriters() {
    return true;
  }

  @BeforeEach
  void createDatabases() {
    source = createSource();
    target = EmbeddedDatabase.h2();
  }

  @AfterEach
  void dropDatabases() {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void insertsUpdatesAndDeletesReachTheTargetAndTheChangeTableIsPrunedEmpty() {
    createSourceTables("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(10,2))");
    Changelog.install(source.store(), ITEMS);
    for (int i = 1; i <= 40; i++) {
      source.update("INSERT INTO items (id, label, amount) VALUES (?, ?, ?)", i, "item " + i, new BigDecimal(i + ".25"));
    }

    SyncReport first = sync(ITEMS);

    assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(first.inserted()).isEqualTo(40);
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
    source.update("UPDATE items SET label = ? WHERE id <= ?", "changed", 5);
    source.update("DELETE FROM items WHERE id > ?", 35);
    source.update("INSERT INTO items (id, label, amount) VALUES (?, ?, ?)", 100, "new", new BigDecimal("1.00"));
    source.update("UPDATE items SET id = ? WHERE id = ?", 200, 20);

    SyncReport second = sync(ITEMS);

    assertThat(second.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(second.updated()).isEqualTo(5);
    assertThat(second.deleted()).isEqualTo(6);
    assertThat(second.inserted()).isEqualTo(2);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
    assertThat(sync(ITEMS).changed()).isZero();
  }

  @Test
  void aRowDeletedAtTheSourceAfterTheLastSyncIsDeletedAtTheTarget() {
    createSourceTables("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(10,2))");
    Changelog.install(source.store(), ITEMS);
    source.execute("INSERT INTO items (id, label) VALUES (1, 'kept')", "INSERT INTO items (id, label) VALUES (2, 'doomed')");
    sync(ITEMS);
    assertThat(target.count("items")).isEqualTo(2);

    source.update("DELETE FROM items WHERE id = ?", 2);
    SyncReport report = sync(ITEMS);

    assertThat(report.deleted()).isEqualTo(1);
    assertThat(target.queryLong("SELECT count(*) FROM items WHERE id = 2")).isZero();
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
  }

  @Test
  void aLowerKeyCommittedAfterAHigherOneAndASyncArrivesWithTheNextSync() throws SQLException {
    assumeTrue(concurrentWriters(), "the database lets one writer at a time hold a transaction open");
    createSourceTables("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(10,2))");
    Changelog.install(source.store(), ITEMS);
    try (Connection open = source.dataSource().getConnection()) {
      open.setAutoCommit(false);
      try (Statement st = open.createStatement()) {
        st.executeUpdate("INSERT INTO items (id, label) VALUES (1, 'late')");
      }
      source.update("INSERT INTO items (id, label) VALUES (?, ?)", 2, "early");

      SyncReport during = sync(ITEMS);

      assertThat(during.inserted()).isEqualTo(1);
      assertThat(target.queryLong("SELECT count(*) FROM items WHERE id = 1")).isZero();
      assertThat(target.queryLong("SELECT count(*) FROM items WHERE id = 2")).isEqualTo(1);
      open.commit();
    }

    SyncReport after = sync(ITEMS);

    assertThat(after.inserted()).isEqualTo(1);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(ITEMS));
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
  }

  @Test
  void installCheckRemoveRoundTripAndInstallingTwiceIsHarmless() {
    createSourceTables("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(10,2))",
        "CREATE TABLE tags (tag " + stringKeyType() + " PRIMARY KEY, note VARCHAR(40))");
    JdbcStore store = source.store();
    assertThat(Changelog.check(store, ITEMS, TAGS)).containsExactly(
        Map.entry(ITEMS, Changelog.Status.MISSING), Map.entry(TAGS, Changelog.Status.MISSING));

    Changelog.install(store, ITEMS, TAGS);
    source.update("INSERT INTO items (id, label) VALUES (?, ?)", 1, "one");
    Changelog.install(store, ITEMS, TAGS);
    source.update("INSERT INTO items (id, label) VALUES (?, ?)", 2, "two");

    assertThat(Changelog.check(store, ITEMS, TAGS)).containsExactly(
        Map.entry(ITEMS, Changelog.Status.INSTALLED), Map.entry(TAGS, Changelog.Status.INSTALLED));
    assertThat(source.count(Changelog.CHANGE_TABLE)).isEqualTo(2);
    assertThat(sync(ITEMS).inserted()).isEqualTo(2);

    Changelog.remove(store, ITEMS);
    assertThat(Changelog.check(store, ITEMS, TAGS)).containsExactly(
        Map.entry(ITEMS, Changelog.Status.MISSING), Map.entry(TAGS, Changelog.Status.INSTALLED));
    source.update("INSERT INTO items (id, label) VALUES (?, ?)", 3, "unrecorded");
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
    Changelog.remove(store, TAGS);
    store.refresh();
    assertThat(store.table(TableId.of(Changelog.CHANGE_TABLE))).isEmpty();
  }

  @Test
  void aSyncOfATableWithoutTriggersFailsNamingTheTableAndTheRemedy() {
    createSourceTables("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(40), amount DECIMAL(10,2))");
    source.update("INSERT INTO items (id, label) VALUES (?, ?)", 1, "one");

    assertThatThrownBy(() -> sync(ITEMS))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("table items has 0 of its 3 changelog triggers")
        .hasMessageContaining("install the changelog (Changelog.install)")
        .hasRootCauseInstanceOf(TableSyncException.class);
    assertThat(target.store().table(ITEMS).isPresent() ? target.count("items") : 0L).isZero();
  }

  @Test
  void aTableWhoseNameNeedsQuotingAndIsLongIsCapturedUnderItsOwnName() {
    TableId odd = TableId.of(oddTableName());
    source.store().createTable(new TableSchema(odd, List.of(Column.of("id", JDBCType.BIGINT),
        new Column("note", JDBCType.VARCHAR, "VARCHAR", 20, 0, true)), List.of("id"), List.of()));
    source.store().refresh();
    Changelog.install(source.store(), odd);
    TableSchema schema = source.store().table(odd).orElseThrow();
    source.store().apply(schema, new WriteBatch(List.of(Row.of(schema.layout(), 1L, "x"), Row.of(schema.layout(), 2L, "y")),
        List.of()));

    assertThat(Changelog.check(source.store(), odd)).containsEntry(odd, Changelog.Status.INSTALLED);
    assertThat(sync(odd).inserted()).isEqualTo(2);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(odd));
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
  }

  @Test
  void compositeUuidAndStringKeysSyncExactly() {
    createSourceTables("CREATE TABLE tags (tag " + stringKeyType() + " PRIMARY KEY, note VARCHAR(40))",
        "CREATE TABLE tokens (token " + uuidType() + " PRIMARY KEY, note VARCHAR(40))",
        "CREATE TABLE readings (region " + stringKeyType() + " NOT NULL, station INTEGER NOT NULL, read_on DATE NOT NULL,"
            + " taken " + timestampType() + " NOT NULL, level DECIMAL(8,3), PRIMARY KEY (region, station, read_on, taken))");
    Changelog.install(source.store(), TAGS, TOKENS, READINGS);
    for (String tag : AWKWARD) {
      source.update("INSERT INTO tags (tag, note) VALUES (?, ?)", tag, "note");
    }
    List<UUID> tokens = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
        UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), UUID.fromString("7f000000-8000-4000-8000-000000000000"));
    TableSchema tokenTable = source.store().table(TOKENS).orElseThrow();
    TableSchema readingTable = source.store().table(READINGS).orElseThrow();
    source.store().apply(tokenTable, new WriteBatch(tokens.stream()
        .map(u -> Row.of(tokenTable.layout(), u, "token")).toList(), List.of()));
    source.store().apply(readingTable, new WriteBatch(List.of(
        Row.of(readingTable.layout(), "north", 1L, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), new BigDecimal("1.500")),
        Row.of(readingTable.layout(), "north", 1L, LocalDate.of(2024, 3, 1), LocalDateTime.of(2024, 3, 1, 0, 0), new BigDecimal("2.000")),
        Row.of(readingTable.layout(), "Süd", 2L, LocalDate.of(1999, 12, 31), LocalDateTime.of(1999, 12, 31, 12, 0, 0, 1_000), null)),
        List.of()));

    SyncReport first = sync(TAGS, TOKENS, READINGS);

    assertThat(first.inserted()).isEqualTo(AWKWARD.size() + tokens.size() + 3);
    source.update("DELETE FROM tags WHERE tag = ?", "A");
    source.update("UPDATE tags SET note = ? WHERE tag = ?", "changed", "a ");
    source.store().apply(tokenTable, new WriteBatch(List.of(), List.of(RowKey.of(tokens.get(1)))));
    source.update("UPDATE readings SET level = ? WHERE region = ?", new BigDecimal("9.999"), "north");

    SyncReport second = sync(TAGS, TOKENS, READINGS);

    assertThat(second.deleted()).isEqualTo(2);
    assertThat(second.updated()).isEqualTo(3);
    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(TAGS, TOKENS, READINGS));
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
  }

  @Test
  void aSessionInANonUtcTimeZoneGivesTheSameResult() {
    String setZone = setNonUtcZone();
    assumeTrue(setZone != null, "the database has no session time zone");
    String instantKey = instantKeyType();
    createSourceTables("CREATE TABLE events (at_local " + timestampType() + " NOT NULL, seq INTEGER NOT NULL"
        + (instantKey == null ? "" : ", at_instant " + instantKey + " NOT NULL") + ", note VARCHAR(20), PRIMARY KEY (at_local, seq"
        + (instantKey == null ? "" : ", at_instant") + "))");
    JdbcStore zoned = JdbcStore.builder(SessionDataSource.of(source.dataSource(), setZone)).name("zoned").build();
    Changelog.install(zoned, EVENTS);
    TableSchema events = zoned.table(EVENTS).orElseThrow();
    List<Row> rows = List.of(
        event(events, LocalDateTime.of(2024, 11, 3, 1, 30), 1, Instant.parse("2024-11-03T05:30:00Z"), "fall back"),
        event(events, LocalDateTime.of(2024, 3, 10, 2, 30, 0, 500_000), 2, Instant.parse("2024-03-10T06:30:00.5Z"), "gap"),
        event(events, LocalDateTime.of(2000, 1, 1, 0, 0), 3, Instant.parse("1999-12-31T23:59:59.999999Z"), "new year"));
    zoned.apply(events, new WriteBatch(rows, List.of()));

    try (SyncEngine engine = SyncEngine.builder().source(zoned).target(target.store())
        .incrementalDetector(ChangelogDetector.create()).batchSize(2).createMissingTables(true).build()) {
      assertThat(engine.run(SyncRequest.incremental(EVENTS)).inserted()).isEqualTo(3);
      zoned.apply(events, new WriteBatch(List.of(rows.get(0).with("note", "updated")), List.of(rows.get(1).key())));
      SyncReport second = engine.run(SyncRequest.incremental(EVENTS));
      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.deleted()).isEqualTo(1);
    }

    SyncAssertions.assertSameRows(source.store(), target.store(), List.of(EVENTS));
    SyncAssertions.assertSameRows(zoned, target.store(), List.of(EVENTS));
    assertThat(target.count("events")).isEqualTo(2);
    assertThat(source.count(Changelog.CHANGE_TABLE)).isZero();
  }

  private Row event(TableSchema events, LocalDateTime local, long seq, Instant instant, String note) {
    return events.column("at_instant").isPresent()
        ? Row.fromMap(events.layout(), Map.of("at_local", local, "seq", seq, "at_instant", instant, "note", note))
        : Row.fromMap(events.layout(), Map.of("at_local", local, "seq", seq, "note", note));
  }

  SyncReport sync(TableId... tables) {
    try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store())
        .incrementalDetector(ChangelogDetector.create()).batchSize(7).createMissingTables(true).build()) {
      return engine.run(SyncRequest.incremental(tables));
    }
  }

  /** Creates the source tables; the engine creates the target's. */
  void createSourceTables(String... ddl) {
    source.execute(ddl);
  }

}
