package io.terrafusion.sync.testkit.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Change;
import io.terrafusion.sync.api.ChangeBatch;
import io.terrafusion.sync.api.ChangeKind;
import io.terrafusion.sync.api.Checkpoint;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.Changelog;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.ChangeStream;
import io.terrafusion.sync.spi.DetectionContext;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The property the changelog's key encoding must have on every database: the keys the triggers
 * record decode to exactly the keys written, whatever their text and numbers.
 */
final class KeyRoundTrip {
  static final TableId KEYS = TableId.of("key_samples");
  private static final List<String> PIECES = List.of("a", "A", "\u00e4", "\t", "\n", "\\", "\\u0041", "\"", "'", ",",
      "[", "]", " ", "\u0001", "\u007f", "\uE000", "\uFFFD", "\uD83D\uDE00", "\u4e16", "null", "1e3");

  private KeyRoundTrip() {}

  /** Sets of (text, integer, decimal) keys. */
  static Arbitrary<Set<List<Object>>> keys() {
    Arbitrary<String> text = Arbitraries.of(PIECES).list().ofMaxSize(5).map(pieces -> String.join("", pieces));
    Arbitrary<Long> number = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
    Arbitrary<BigDecimal> decimal = Arbitraries.bigDecimals().between(new BigDecimal("-99999999.9999"),
        new BigDecimal("99999999.9999")).ofScale(4);
    return Combinators.combine(text, number, decimal).as(List::<Object>of).set().ofMinSize(1).ofMaxSize(60);
  }

  /** Creates the table with the given text key type and installs its changelog. */
  static TableSchema install(TestDatabase db, String textType) {
    db.execute("CREATE TABLE key_samples (k " + textType + " NOT NULL, n BIGINT NOT NULL, d DECIMAL(12,4) NOT NULL,"
        + " v VARCHAR(10), PRIMARY KEY (k, n, d))");
    Changelog.install(db.store(), KEYS);
    return db.store().table(KEYS).orElseThrow();
  }

  /** Inserts the keys, then deletes them, checking after each that the detector yields exactly them. */
  static void check(JdbcStore store, TableSchema table, Set<List<Object>> keys) {
    List<Row> rows = new ArrayList<>();
    List<RowKey> expected = new ArrayList<>();
    for (List<Object> key : keys) {
      rows.add(Row.of(table.layout(), key.get(0), key.get(1), key.get(2), "v"));
      expected.add(RowKey.of(key));
    }
    store.apply(table, new WriteBatch(rows, List.of()));
    assertThat(drain(store, table, ChangeKind.UPSERT)).containsExactlyInAnyOrderElementsOf(expected);
    store.apply(table, new WriteBatch(List.of(), expected));
    assertThat(drain(store, table, ChangeKind.DELETE)).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<RowKey> drain(JdbcStore store, TableSchema table, ChangeKind kind) {
    List<RowKey> keys = new ArrayList<>();
    try (ChangeStream stream = ChangelogDetector.create().open(new DetectionContext(table, store,
        Checkpoint.initial(KEYS, ChangelogDetector.NAME), 25))) {
      while (stream.hasNext()) {
        ChangeBatch batch = stream.next();
        for (Change change : batch.changes()) {
          assertThat(change.kind()).isEqualTo(kind);
          keys.add(change.key());
        }
        stream.committed(batch);
      }
    }
    return keys;
  }
}
