package io.terrafusion.sync.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.ServerDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mixed-case and Unicode string keys through the bulk path, in a key column of collation {@code
 * utf8mb4_nopad_bin}, under which {@code a} and {@code A} differ, and so do {@code a} and {@code a }.
 */
class MariaDbStringKeysTest {
  private static final List<String> SPECIAL = List.of("a", "A", "\u00e4", "\u00c4", "\uD83D\uDE00", "\uFFFD",
      "a ", "", "\t", "\\");

  private static ServerDatabase db;

  @BeforeAll
  static void createDatabase() {
    ServerDatabase.require(ServerDatabase.Kind.MARIADB);
    db = ServerDatabase.create(ServerDatabase.Kind.MARIADB, "maria_keys_test");
    db.execute("CREATE TABLE staged (k VARCHAR(20) COLLATE utf8mb4_nopad_bin PRIMARY KEY, v VARCHAR(20))",
        "CREATE TABLE direct (k VARCHAR(20) COLLATE utf8mb4_nopad_bin PRIMARY KEY, v VARCHAR(20))");
  }

  @AfterAll
  static void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void keysSurviveTheStagedBulkPathAndComeBackInCodePointOrder() {
    assertRoundTrip("staged", false);
  }

  @Test
  void keysSurviveTheDirectBulkPathAndComeBackInCodePointOrder() {
    assertRoundTrip("direct", true);
  }

  private static void assertRoundTrip(String name, boolean newRows) {
    TableSchema table = db.store().table(TableId.of(name)).orElseThrow();
    List<String> keys = new ArrayList<>(SPECIAL);
    for (int n = 0; n < 600; n++) {
      keys.add((n % 2 == 0 ? "k" : "K") + n);
    }
    List<Row> rows = keys.stream().map(k -> Row.of(table.layout(), k, "v" + k.length())).toList();
    db.store().apply(table, new WriteBatch(rows, List.of(), newRows));

    List<String> read = new ArrayList<>();
    Row last = null;
    for (List<Row> page = db.store().read(table, KeyRange.all(), 97); !page.isEmpty();
        page = db.store().read(table, KeyRange.after(last.key()), 97)) {
      page.forEach(r -> read.add((String) r.get("k")));
      last = page.get(page.size() - 1);
    }
    List<String> expected = new ArrayList<>(keys);
    expected.sort(CanonicalValues::compareCodePoints);
    assertThat(read).isEqualTo(expected);
  }
}
