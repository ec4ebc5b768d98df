package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Paging through string keys with any page size visits every key once, in code-point order, on
 * every dialect: the order the engine's merge relies on.
 */
class KeyOrderPropertyTest {
  // Letters of both cases, a Latin-1 letter, the ends of the BMP's private and special ranges, and
  // characters beyond the BMP (surrogate pairs in Java), where UTF-16 and code-point order disagree.
  private static final List<String> PIECES = List.of("a", "A", "z", "\u00e9", "\uE000", "\uFFFD",
      "\uD83D\uDE00", "\uD800\uDC00", " ");

  @Provide
  Arbitrary<Set<String>> keys() {
    return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(4).map(pieces -> String.join("", pieces))
        .filter(key -> !key.isBlank())
        .set().ofMinSize(1).ofMaxSize(20);
  }

  @Property(tries = 40)
  void h2PagesVisitEveryKeyInCodePointOrder(@ForAll("keys") Set<String> keys, @ForAll @IntRange(min = 1, max = 7) int page) {
    assertPagedInOrder(TestDatabases.h2(), keys, page);
  }

  @Property(tries = 40)
  void sqlitePagesVisitEveryKeyInCodePointOrder(@ForAll("keys") Set<String> keys,
      @ForAll @IntRange(min = 1, max = 7) int page) throws IOException {
    Path directory = Files.createTempDirectory("key-order");
    try {
      assertPagedInOrder(TestDatabases.sqlite(directory), keys, page);
    } finally {
      try (var files = Files.list(directory)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(directory);
    }
  }

  private static void assertPagedInOrder(DataSource dataSource, Set<String> keys, int page) {
    TestDatabases.execute(dataSource, "CREATE TABLE \"k\" (\"key\" VARCHAR(40) NOT NULL PRIMARY KEY)");
    JdbcStore store = JdbcStore.of(dataSource);
    TableSchema table = store.table(TableId.of("k")).orElseThrow();
    store.apply(table, new WriteBatch(keys.stream().map(key -> Row.of(table.layout(), key)).toList(), List.of()));

    List<Object> visited = new ArrayList<>();
    RowKey after = null;
    List<Row> rows;
    do {
      rows = store.read(table, KeyRange.after(after), page);
      rows.forEach(row -> visited.add(row.get(0)));
      after = rows.isEmpty() ? after : rows.get(rows.size() - 1).key();
    } while (rows.size() == page);

    List<Object> expected = new ArrayList<>(keys);
    expected.sort((a, b) -> CanonicalValues.compareCodePoints((String) a, (String) b));
    assertThat(visited).containsExactlyElementsOf(expected);
  }
}
