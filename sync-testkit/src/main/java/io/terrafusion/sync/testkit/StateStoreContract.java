package io.terrafusion.sync.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowHash;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.spi.StateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link StateStore} keeps, as JUnit 5 tests: extend this class, return a fresh,
 * empty store from {@link #newStore()}, and every test runs against it.
 *
 * <pre>{@code
 * class MyStateStoreTest extends StateStoreContract {
 *   protected StateStore newStore() { return new MyStateStore(...); }
 * }
 * }</pre>
 *
 * <p>The tests cover checkpoints (replaced and cleared per table and detector), base hashes
 * (replaced, forgotten, looked up many at a time), conflicts and dead letters (paged oldest first, by
 * table or all, found and removed by id), jobs (most recently submitted first, replaced by id), bad
 * paging arguments, and the exact round trip of every canonical value type in keys and rows. Each
 * test gets its own store, closed after it; the class needs JUnit Jupiter on the test class path.
 */
public abstract class StateStoreContract {
  /** A table the tests use. */
  protected static final TableId PARCELS = TableId.of("parcels");
  /** A second table, in a schema. */
  protected static final TableId OWNERS = TableId.of("county", "owners");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");
  private static final RowLayout LAYOUT = RowLayout.of(
      List.of("id", "amount", "ratio", "name", "active", "born", "opens", "seen", "stamp", "blob", "uid", "missing"),
      List.of("id", "name"));

  private StateStore store;

  /** A new, empty store; called before each test. */
  protected abstract StateStore newStore();

  /** Creates the store under test. */
  @BeforeEach
  final void openStore() {
    store = newStore();
  }

  /** Closes the store under test. */
  @AfterEach
  final void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  /** The store under test, for the tests of subclasses. */
  protected final StateStore store() {
    return store;
  }

  @Test
  void checkpointIsAbsentUntilSaved() {
    assertEquals(Optional.empty(), store.checkpoint(PARCELS, "full"));
  }

  @Test
  void savedCheckpointReplacesTheOneOfItsTableAndDetector() {
    store.saveCheckpoint(new Checkpoint(PARCELS, "full", "[1]"));
    store.saveCheckpoint(new Checkpoint(PARCELS, "full", "[2]"));
    assertEquals(Optional.of(new Checkpoint(PARCELS, "full", "[2]")), store.checkpoint(PARCELS, "full"));
  }

  @Test
  void checkpointsAreKeptPerTableAndDetector() {
    store.saveCheckpoint(new Checkpoint(PARCELS, "full", "p-full"));
    store.saveCheckpoint(new Checkpoint(PARCELS, "watermark", "p-watermark"));
    store.saveCheckpoint(new Checkpoint(OWNERS, "full", "o-full"));
    store.saveCheckpoint(Checkpoint.initial(TableId.of("PARCELS"), "full"));
    assertEquals("p-full", store.checkpoint(PARCELS, "full").orElseThrow().position());
    assertEquals("p-watermark", store.checkpoint(PARCELS, "watermark").orElseThrow().position());
    assertEquals("o-full", store.checkpoint(OWNERS, "full").orElseThrow().position());
    assertTrue(store.checkpoint(TableId.of("PARCELS"), "full").orElseThrow().isInitial());
  }

  @Test
  void clearedCheckpointIsGoneAndOthersStay() {
    store.saveCheckpoint(new Checkpoint(PARCELS, "full", "1"));
    store.saveCheckpoint(new Checkpoint(PARCELS, "watermark", "2"));
    store.clearCheckpoint(PARCELS, "full");
    store.clearCheckpoint(OWNERS, "full");
    assertEquals(Optional.empty(), store.checkpoint(PARCELS, "full"));
    assertEquals("2", store.checkpoint(PARCELS, "watermark").orElseThrow().position());
  }

  @Test
  void baseHashesOfUnknownKeysAreAbsent() {
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(1, 1)), List.of());
    assertEquals(Map.of(), store.baseHashes(PARCELS, List.of(RowKey.of(2L))));
    assertEquals(Map.of(), store.baseHashes(OWNERS, List.of(RowKey.of(1L))));
    assertEquals(Map.of(), store.baseHashes(PARCELS, List.of()));
  }

  @Test
  void writtenBaseHashesReplaceOlderOnes() {
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(1, 1), RowKey.of(2L), new RowHash(2, 2)),
        List.of());
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(-1, Long.MIN_VALUE)), List.of());
    assertEquals(Map.of(RowKey.of(1L), new RowHash(-1, Long.MIN_VALUE), RowKey.of(2L), new RowHash(2, 2)),
        store.baseHashes(PARCELS, List.of(RowKey.of(1L), RowKey.of(2L))));
  }

  @Test
  void deletedKeysLoseTheirBaseHash() {
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(1, 1), RowKey.of(2L), new RowHash(2, 2)),
        List.of());
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(3L), new RowHash(3, 3)), List.of(RowKey.of(1L), RowKey.of(9L)));
    assertEquals(Map.of(RowKey.of(2L), new RowHash(2, 2), RowKey.of(3L), new RowHash(3, 3)),
        store.baseHashes(PARCELS, List.of(RowKey.of(1L), RowKey.of(2L), RowKey.of(3L))));
  }

  @Test
  void baseHashesAreKeptPerTable() {
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(1L), new RowHash(1, 1)), List.of());
    store.updateBaseHashes(OWNERS, Map.of(RowKey.of(1L), new RowHash(2, 2)), List.of());
    store.updateBaseHashes(OWNERS, Map.of(), List.of(RowKey.of(1L)));
    assertEquals(Map.of(RowKey.of(1L), new RowHash(1, 1)), store.baseHashes(PARCELS, List.of(RowKey.of(1L))));
    assertEquals(Map.of(), store.baseHashes(OWNERS, List.of(RowKey.of(1L))));
  }

  @Test
  void manyBaseHashesAreLookedUpAtOnce() {
    Map<RowKey, RowHash> written = new HashMap<>();
    List<RowKey> asked = new ArrayList<>();
    for (long i = 0; i < 1_500; i++) {
      if (i % 3 != 0) {
        written.put(RowKey.of(i, "k" + i), new RowHash(i, -i));
      }
      asked.add(RowKey.of(i, "k" + i));
    }
    store.updateBaseHashes(PARCELS, written, List.of());
    assertEquals(written, store.baseHashes(PARCELS, asked));
  }

  @Test
  void keysOfEveryCanonicalTypeFindTheirBaseHash() {
    Map<RowKey, RowHash> written = new HashMap<>();
    long i = 0;
    for (Object value : keyValues()) {
      written.put(RowKey.of(value), new RowHash(i, i++));
    }
    store.updateBaseHashes(PARCELS, written, List.of());
    assertEquals(written, store.baseHashes(PARCELS, written.keySet()));
    assertEquals(Map.of(), store.baseHashes(PARCELS, List.of(RowKey.of("B"), RowKey.of(" a"))));
  }

  @Test
  void baseHashLookupFollowsCanonicalEquality() {
    store.updateBaseHashes(PARCELS, Map.of(RowKey.of(new BigDecimal("1.50"), 2L), new RowHash(1, 2)), List.of());
    assertEquals(List.of(new RowHash(1, 2)),
        List.copyOf(store.baseHashes(PARCELS, List.of(RowKey.of(new BigDecimal("1.5"), 2.0d))).values()));
  }

  @Test
  void conflictsPageOldestFirstByTableOrAll() {
    for (int i = 0; i < 6; i++) {
      store.addConflict(conflict("c" + i, i % 2 == 0 ? PARCELS : OWNERS, i));
    }
    assertEquals(List.of("c0", "c1", "c2"), ids(store.conflicts(null, 0, 3), Conflict::id));
    assertEquals(List.of("c3", "c4", "c5"), ids(store.conflicts(null, 3, 10), Conflict::id));
    assertEquals(List.of("c2", "c4"), ids(store.conflicts(PARCELS, 1, 10), Conflict::id));
    assertEquals(List.of("c1"), ids(store.conflicts(OWNERS, 0, 1), Conflict::id));
    assertEquals(List.of(), store.conflicts(TableId.of("other"), 0, 10));
  }

  @Test
  void conflictIsFoundByIdAndRemovedOnce() {
    Conflict conflict = conflict("c1", PARCELS, 1);
    store.addConflict(conflict);
    store.addConflict(conflict("C1", PARCELS, 2));
    assertEquals(Optional.of(conflict), store.conflict("c1"));
    assertTrue(store.removeConflict("c1"));
    assertFalse(store.removeConflict("c1"));
    assertEquals(Optional.empty(), store.conflict("c1"));
    assertEquals(List.of("C1"), ids(store.conflicts(null, 0, 10), Conflict::id));
  }

  @Test
  void conflictRowsAndKeysOfEveryCanonicalTypeRoundTripExactly() {
    Row source = edgeRow();
    Row target = edgeRow().with("ratio", Double.NEGATIVE_INFINITY).with("missing", "now set");
    Conflict conflict = new Conflict("c", OWNERS, source.key(), ChangeKind.UPDATE, source, target, T0);
    store.addConflict(conflict);
    Conflict back = store.conflict("c").orElseThrow();
    assertEquals(conflict, back);
    assertSameRow(source, back.source());
    assertSameRow(target, back.target());
    assertSameValues(source.key().values(), back.key().values());
  }

  @Test
  void conflictWithoutRowsRoundTrips() {
    Conflict conflict = new Conflict("gone", PARCELS, RowKey.of(7L), ChangeKind.DELETE, null, null, T0);
    store.addConflict(conflict);
    assertEquals(Optional.of(conflict), store.conflict("gone"));
  }

  @Test
  void deadLettersPageOldestFirstByTableOrAll() {
    for (int i = 0; i < 5; i++) {
      store.addDeadLetter(deadLetter("d" + i, i % 2 == 0 ? PARCELS : OWNERS, i, null));
    }
    assertEquals(List.of("d0", "d1"), ids(store.deadLetters(null, 0, 2), DeadLetter::id));
    assertEquals(List.of("d2", "d4"), ids(store.deadLetters(PARCELS, 1, 5), DeadLetter::id));
    assertEquals(List.of("d1", "d3"), ids(store.deadLetters(OWNERS, 0, 5), DeadLetter::id));
  }

  @Test
  void deadLetterIsRemovedOnce() {
    store.addDeadLetter(deadLetter("d1", PARCELS, 1, null));
    store.addDeadLetter(deadLetter("d2", PARCELS, 2, null));
    assertTrue(store.removeDeadLetter("d1"));
    assertFalse(store.removeDeadLetter("d1"));
    assertEquals(List.of("d2"), ids(store.deadLetters(null, 0, 10), DeadLetter::id));
  }

  @Test
  void deadLetterRowsOfEveryCanonicalTypeRoundTripExactly() {
    Row row = edgeRow();
    DeadLetter letter = new DeadLetter("d", "job-1", OWNERS, row.key(), row, "check constraint amount_positive", T0);
    store.addDeadLetter(letter);
    DeadLetter back = store.deadLetters(OWNERS, 0, 1).get(0);
    assertEquals(letter, back);
    assertSameRow(row, back.row());
    assertSameValues(row.key().values(), back.key().values());
  }

  @Test
  void jobsAreListedMostRecentlySubmittedFirst() {
    store.saveJob(job("old", T0, JobState.QUEUED));
    store.saveJob(job("newest", T0.plusSeconds(60), JobState.QUEUED));
    store.saveJob(job("middle", T0.plusNanos(1), JobState.QUEUED));
    assertEquals(List.of("newest", "middle", "old"), ids(store.jobs(0, 10), JobStatus::jobId));
    assertEquals(List.of("middle"), ids(store.jobs(1, 1), JobStatus::jobId));
  }

  @Test
  void savedJobReplacesTheRecordOfTheSameJob() {
    store.saveJob(job("j", T0, JobState.QUEUED));
    JobStatus done = new JobStatus("j", JobState.FAILED,
        new SyncRequest(SyncMode.INCREMENTAL, List.of(PARCELS, OWNERS), "scheduler").withDetector(PARCELS, "watermark"), T0, T0.plusMillis(5),
        T0.plusSeconds(3), List.of(new TableReport(OWNERS, TableId.of("dst", "owners"), 1, 2, 3, 4, 5, 6, 7,
            Duration.ofMillis(1234).plusNanos(5))), "table county.owners failed: SQLState 23505");
    store.saveJob(done);
    assertEquals(Optional.of(done), store.job("j"));
    assertEquals(List.of(done), store.jobs(0, 10));
    assertEquals(Optional.empty(), store.job("J"));
  }

  @Test
  void rejectsNegativeOffset() {
    assertThrows(IllegalArgumentException.class, () -> store.conflicts(null, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> store.deadLetters(PARCELS, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> store.jobs(-1, 1));
  }

  @Test
  void rejectsLimitBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> store.conflicts(PARCELS, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> store.deadLetters(null, 0, -5));
    assertThrows(IllegalArgumentException.class, () -> store.jobs(0, 0));
  }

  /**
   * A row holding one value of every canonical type and a NULL, with a two-column key (a Long and a
   * String), for round-trip tests.
   */
  protected static Row edgeRow() {
    return Row.of(LAYOUT, Long.MIN_VALUE, new BigDecimal("-12345678901234567890.1200"), Double.NaN,
        "Grüße 🌍 \"quoted\" \\ \u0001 ünïcödé", true, LocalDate.of(1, 1, 1), LocalTime.of(23, 59, 59, 999_999_999),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 1), Instant.parse("1969-12-31T23:59:59.999999999Z"),
        new byte[] {0, -1, 127, -128}, UUID.fromString("ffffffff-0000-4000-8000-000000000001"), null);
  }

  /** One key value of each canonical type, including look-alikes that must stay distinct keys. */
  protected static List<Object> keyValues() {
    return List.of(42L, 7L, new BigDecimal("1.50"), new BigDecimal("1E+3"), 2.5d, Double.NaN, "a", "A", "a ",
        "", "🌍", true, false, LocalDate.of(2026, 2, 28), LocalTime.NOON, LocalDateTime.of(2026, 2, 28, 12, 0),
        Instant.EPOCH, new byte[] {1, 2}, UUID.fromString("00000000-0000-0000-0000-000000000002"));
  }

  /**
   * Asserts that two rows have the same layout and that each value has the same class and the same
   * exact value (a BigDecimal's scale, a byte array's content).
   */
  protected static void assertSameRow(Row expected, @Nullable Row actual) {
    assertNotNull(actual, "row");
    assertEquals(expected.layout(), actual.layout());
    assertEquals(expected.layout().keyColumns(), actual.layout().keyColumns());
    assertSameValues(Arrays.asList(expected.values()), Arrays.asList(actual.values()));
  }

  private static void assertSameValues(List<?> expected, List<?> actual) {
    assertEquals(expected.size(), actual.size(), "number of values");
    for (int i = 0; i < expected.size(); i++) {
      Object e = expected.get(i);
      Object a = actual.get(i);
      if (e == null || a == null) {
        assertEquals(e, a, "value " + i);
      } else if (e instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) a, "value " + i);
      } else {
        assertEquals(e.getClass(), a.getClass(), "type of value " + i);
        assertEquals(e, a, "value " + i);
      }
    }
  }

  private static Conflict conflict(String id, TableId table, long key) {
    Row source = Row.of(LAYOUT, key, BigDecimal.ONE, 1.0, "n" + key, false, null, null, null, null, null, null, null);
    return new Conflict(id, table, source.key(), ChangeKind.UPDATE, source, null, T0.plusSeconds(key));
  }

  private static DeadLetter deadLetter(String id, TableId table, long key, @Nullable Row row) {
    return new DeadLetter(id, "job-" + key, table, RowKey.of(key), row, "value too long for column name", T0);
  }

  private static JobStatus job(String id, Instant submitted, JobState state) {
    return new JobStatus(id, state, SyncRequest.full(), submitted, null, null, List.of(), null);
  }

  private static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).toList();
  }
}
