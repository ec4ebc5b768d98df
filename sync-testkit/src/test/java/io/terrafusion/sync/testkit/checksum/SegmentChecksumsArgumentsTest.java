package io.terrafusion.sync.testkit.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.spi.DataTypeHandler;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What the store's segment checksums refuse, and where it offers none. */
class SegmentChecksumsArgumentsTest {

  @Test
  void sqliteOffersNoSegmentChecksums() {
    try (EmbeddedDatabase db = EmbeddedDatabase.sqlite()) {
      assertThat(db.store().segmentChecksums()).isEmpty();
    }
  }

  @Test
  void h2NamesTheSharedAlgorithm() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      assertThat(ChecksumDb.checksums(db).algorithm()).isEqualTo("md5-canonical-1");
    }
  }

  @Test
  void rejectsANonPositiveSegmentSize() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      TableSchema table = numbers(db);
      assertThatThrownBy(() -> ChecksumDb.checksums(db).split(table, List.of("n"), KeyRange.all(), 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("rowsPerSegment must be > 0 but was 0");
    }
  }

  @Test
  void rejectsAColumnNotInTheTable() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      TableSchema table = numbers(db);
      assertThatThrownBy(() -> ChecksumDb.checksums(db).checksums(table, List.of("n", "missing"), List.of(KeyRange.all())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column missing is not in table");
    }
  }

  @Test
  void rejectsAColumnReadByAUserHandler() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      TableSchema table = numbers(db);
      SegmentChecksums checksums = JdbcStore.builder(db.dataSource()).typeHandler(new TextOfLabels()).build()
          .segmentChecksums().orElseThrow();
      assertThatThrownBy(() -> checksums.checksums(table, List.of("n", "label"), List.of(KeyRange.all())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column label")
          .hasMessageContaining("user-registered data type handler");
    }
  }

  private static TableSchema numbers(EmbeddedDatabase db) {
    db.execute("CREATE TABLE numbers (n BIGINT PRIMARY KEY, label VARCHAR(10))");
    return ChecksumDb.table(db, "numbers");
  }

  /** A user's handler of VARCHAR columns, whose canonical form SQL cannot know. */
  private static final class TextOfLabels implements DataTypeHandler {
    @Override
    public boolean handles(Column column) {
      return column.jdbcType() == JDBCType.VARCHAR;
    }

    @Override
    public @Nullable Object read(ResultSet resultSet, int index, Column column) throws SQLException {
      String text = resultSet.getString(index);
      return text == null ? null : text.trim();
    }

    @Override
    public void write(PreparedStatement statement, int index, @Nullable Object value, Column column)
        throws SQLException {
      statement.setObject(index, value);
    }
  }
}
