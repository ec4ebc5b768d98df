package io.terrafusion.sync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * String keys come back in code-point order whatever the column's collation: the key column here uses
 * a linguistic ICU collation, under which {@code a} sorts before {@code B} and {@code ä} next to {@code a}.
 */
class PostgresKeyOrderTest {
  private static final List<String> SPECIAL = List.of("a", "A", "\u00e4", "\u00c4", "b", "B", "\uD83D\uDE00",
      "\uFFFD", "\uE000", "z", "Z", "a b", "a-b", "ab");

  private ServerDatabase db;
  private RecordingPostgres dialect;
  private JdbcStore store;
  private TableSchema keys;
  private TableSchema enumKeys;

  @BeforeEach
  void createDatabase() {
    ServerDatabase.require(Kind.POSTGRESQL);
    db = ServerDatabase.create(Kind.POSTGRESQL, "tfpg_key_order_test");
    db.execute("CREATE TABLE keys (k VARCHAR(40) COLLATE \"en-US-x-icu\" PRIMARY KEY, v INTEGER)",
        "CREATE TYPE size AS ENUM ('small', 'Large', 'medium')",
        "CREATE TABLE enum_keys (k size PRIMARY KEY, v INTEGER)");
    dialect = new RecordingPostgres();
    store = JdbcStore.builder(db.dataSource()).dialect(dialect).build();
    keys = store.table(TableId.of("keys")).orElseThrow();
    enumKeys = store.table(TableId.of("enum_keys")).orElseThrow();
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void mixedCaseAndUnicodeKeysAreDistinctAndReadInCodePointOrder() {
    store.apply(keys, new WriteBatch(rows(SPECIAL), List.of()));
    assertThat(keysOf(store.read(keys, KeyRange.all(), 100))).containsExactlyElementsOf(sorted(SPECIAL));
  }

  @Test
  void pagesResumeAfterAStringKeyInCodePointOrder() {
    store.apply(keys, new WriteBatch(rows(SPECIAL), List.of()));
    List<String> read = new ArrayList<>();
    RowKey after = null;
    List<Row> page;
    do {
      page = store.read(keys, KeyRange.after(after), 3);
      read.addAll(keysOf(page));
      after = page.isEmpty() ? after : page.get(page.size() - 1).key();
    } while (!page.isEmpty());
    assertThat(read).containsExactlyElementsOf(sorted(SPECIAL));
  }

  @Test
  void unicodeKeysSurviveTheCopyPathAndStillReadInCodePointOrder() {
    List<String> all = new ArrayList<>(SPECIAL);
    for (int i = 0; i < 1200; i++) {
      all.add((i % 2 == 0 ? "k" : "K") + i);
    }
    store.apply(keys, new WriteBatch(rows(all), List.of()));
    store.apply(keys, new WriteBatch(rows(all), List.of(), true));

    assertThat(dialect.loads).containsExactly("tfsync_staging", "keys", "tfsync_staging");
    assertThat(keysOf(store.read(keys, KeyRange.all(), 2000))).containsExactlyElementsOf(sorted(all));
  }

  @Test
  void enumKeysOrderByTheirTextNotTheirDeclaration() {
    store.apply(enumKeys, new WriteBatch(List.of(Row.of(enumKeys.layout(), "small", 1L),
        Row.of(enumKeys.layout(), "Large", 2L), Row.of(enumKeys.layout(), "medium", 3L)), List.of()));
    assertThat(store.read(enumKeys, KeyRange.after(RowKey.of("Large")), 10)).extracting(row -> row.get("k"))
        .containsExactly("medium", "small");
  }

  private List<Row> rows(List<String> ids) {
    return ids.stream().map(id -> Row.of(keys.layout(), id, (long) id.length())).toList();
  }

  private static List<String> keysOf(List<Row> rows) {
    return rows.stream().map(row -> (String) row.get("k")).toList();
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted(CanonicalValues::compareCodePoints).toList();
  }
}
