package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Any text, as keys and as values, survives the COPY encoding (tabs, newlines, backslashes, the
 * {@code \N} and {@code \.} markers, characters beyond the BMP) and reads back in code-point order.
 */
class PostgresTextPropertyTest {
  private static final List<String> PIECES = List.of("a", "A", "\u00e4", "\t", "\n", "\r", "\\", "\\N", "\\.", "N",
      ".", " ", "\"", "'", ",", "\u0001", "\u007f", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00", "\u4e16");
  private static ServerDatabase db;
  private static JdbcStore store;
  private static TableSchema texts;

  @BeforeContainer
  static void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_text_property_test");
    db.execute("CREATE TABLE texts (k TEXT COLLATE \"de-DE-x-icu\" PRIMARY KEY, v TEXT)");
    store = db.store();
    texts = store.table(TableId.of("texts")).orElseThrow();
  }

  @AfterContainer
  static void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeTry
  void emptyTable() {
    db.execute("TRUNCATE texts");
  }

  @Provide
  Arbitrary<Set<String>> keys() {
    return text().filter(key -> !key.isEmpty()).set().ofMinSize(1_000).ofMaxSize(1_100);
  }

  @Property(tries = 12)
  void textRoundTripsThroughCopyAndReadsInCodePointOrder(@ForAll("keys") Set<String> keys) {
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      rows.add(Row.of(texts.layout(), key, new StringBuilder(key).reverse() + "\t" + key));
    }
    store.apply(texts, new WriteBatch(rows, List.of(), rows.size() % 2 == 0));

    List<Row> expected = new ArrayList<>(rows);
    expected.sort((a, b) -> CanonicalValues.compareCodePoints((String) a.get(0), (String) b.get(0)));
    assertThat(store.read(texts, KeyRange.all(), 2_000)).containsExactlyElementsOf(expected);
  }

  private static Arbitrary<String> text() {
    return Arbitraries.of(PIECES).list().ofMaxSize(6).map(pieces -> String.join("", pieces));
  }
}
