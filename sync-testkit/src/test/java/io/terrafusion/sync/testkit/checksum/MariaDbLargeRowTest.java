package io.terrafusion.sync.testkit.checksum;

import static io.terrafusion.sync.testkit.checksum.ChecksumDb.whole;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row whose text exceeds MariaDB's {@code max_allowed_packet} (its string functions then return
 * NULL) never makes two tables look equal: its segment's checksum differs each time.
 */
class MariaDbLargeRowTest {

  @Test
  void aRowTooLargeToHashMakesItsSegmentDiffer() {
    try (TestDatabase db = ChecksumDb.MARIADB.open("cksum_large_row")) {
      long packet = db.queryLong("SELECT @@max_allowed_packet");
      byte[] bytes = new byte[(int) (packet * 3 / 5)];
      Arrays.fill(bytes, (byte) 7);
      db.execute("CREATE TABLE blobs (id BIGINT PRIMARY KEY, data LONGBLOB)");
      TableSchema table = ChecksumDb.table(db, "blobs");
      db.store().apply(table, new WriteBatch(List.of(Row.of(table.layout(), 1L, bytes), Row.of(table.layout(), 2L, null)),
          List.of()));
      List<String> columns = List.of("id", "data");
      assertThat(whole(db, table, columns).rows()).isEqualTo(2);
      assertThat(whole(db, table, columns).checksum()).isNotEqualTo(whole(db, table, columns).checksum());
    }
  }
}
