package io.terrafusion.sync.testkit.checksum;

import static io.terrafusion.sync.testkit.checksum.ChecksumDb.whole;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Integers of every width (signed and unsigned) agree between PostgreSQL and MariaDB; decimals of
 * different scales, {@code CHAR(n)} (which PostgreSQL reads padded and MariaDB trimmed) and
 * single-precision floats do not, and for every column equal checksums come with equal canonical values.
 */
class PostgresMariaDbTypesTest {
  private static final Set<String> AGREEING = Set.of("id", "tiny", "medium", "uint", "ubig", "year4", "same_scale");

  @Test
  void equalChecksumsMeanEqualValuesAndWidthsAgree() {
    try (TestDatabase pg = ChecksumDb.POSTGRESQL.open("cksum_types_pg");
        TestDatabase maria = ChecksumDb.MARIADB.open("cksum_types_maria")) {
      pg.execute("CREATE TABLE widths (id BIGINT PRIMARY KEY, tiny SMALLINT, medium INTEGER, uint BIGINT,"
          + " ubig NUMERIC(20,0), year4 INTEGER, same_scale NUMERIC(10,2), scaled NUMERIC(10,2), fixed CHAR(5),"
          + " single REAL)",
          "INSERT INTO widths VALUES (1, -128, -8388608, 4294967295, 18446744073709551615, 2024, 1.50, 1.50, 'ab', 0.1),"
          + " (2, 127, 8388607, 0, 9223372036854775808, 1901, -0.01, 0, 'abcde', -3.5)");
      maria.execute("CREATE TABLE widths (id BIGINT PRIMARY KEY, tiny TINYINT, medium MEDIUMINT, uint INT UNSIGNED,"
          + " ubig BIGINT UNSIGNED, year4 YEAR, same_scale DECIMAL(10,2), scaled DECIMAL(10,3), fixed CHAR(5),"
          + " single FLOAT)",
          "INSERT INTO widths VALUES (1, -128, -8388608, 4294967295, 18446744073709551615, 2024, 1.50, 1.500, 'ab', 0.1),"
          + " (2, 127, 8388607, 0, 9223372036854775808, 1901, -0.01, 0, 'abcde', -3.5)");
      TableSchema pgTable = ChecksumDb.table(pg, "widths");
      TableSchema mariaTable = ChecksumDb.table(maria, "widths");
      List<Row> pgRows = pg.store().fetch(pgTable, List.of(RowKey.of(1L), RowKey.of(2L)));
      List<Row> mariaRows = maria.store().fetch(mariaTable, List.of(RowKey.of(1L), RowKey.of(2L)));
      for (String column : ChecksumDb.names(pgTable)) {
        List<String> columns = column.equals("id") ? List.of("id") : List.of("id", column);
        boolean sameChecksum = whole(pg, pgTable, columns).equals(whole(maria, mariaTable, columns));
        boolean sameValues = CanonicalValues.equal(pgRows.get(0).get(column), mariaRows.get(0).get(column))
            && CanonicalValues.equal(pgRows.get(1).get(column), mariaRows.get(1).get(column));
        assertThat(sameChecksum).as("column %s agrees", column).isEqualTo(AGREEING.contains(column));
        if (sameChecksum) {
          assertThat(sameValues).as("column %s has equal values", column).isTrue();
        }
      }
    }
  }
}
