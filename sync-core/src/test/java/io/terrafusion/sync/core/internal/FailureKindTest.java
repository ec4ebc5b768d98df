package io.terrafusion.sync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.ValueConversionException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureKindTest {
  private static final TableId TABLE = TableId.of("items");

  private static DataAccessException access(String sqlState) {
    return new DataAccessException("cannot write table items", TABLE, null, sqlState, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08S01", "40001", "40P01", "57P01", "53300", "HYT00"})
  void connection_loss_deadlocks_and_timeouts_are_transient(String sqlState) {
    assertThat(FailureKind.of(access(sqlState))).isEqualTo(FailureKind.TRANSIENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22003", "23502", "23505", "23503"})
  void refused_values_are_data_errors(String sqlState) {
    assertThat(FailureKind.of(access(sqlState))).isEqualTo(FailureKind.DATA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"42P01", "42501", "XX000"})
  void missing_tables_permissions_and_internal_errors_are_neither(String sqlState) {
    assertThat(FailureKind.of(access(sqlState))).isEqualTo(FailureKind.OTHER);
  }

  @Test
  void a_failure_without_sql_state_is_neither() {
    assertThat(FailureKind.of(new IllegalStateException("boom"))).isEqualTo(FailureKind.OTHER);
    assertThat(FailureKind.of(new DataAccessException("cannot read", TABLE, null, null, null)))
        .isEqualTo(FailureKind.OTHER);
  }

  @Test
  void the_cause_chain_and_next_exceptions_are_searched() {
    SQLException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
    batch.setNextException(new SQLException("too long", "22001"));
    assertThat(FailureKind.of(new RuntimeException(batch))).isEqualTo(FailureKind.DATA);
    assertThat(FailureKind.of(new RuntimeException(new SQLRecoverableException("gone")))).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void mariadb_vendor_codes_with_a_generic_state_are_transient() {
    SQLException lockWait = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
    assertThat(FailureKind.of(new RuntimeException(lockWait))).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void an_unconvertible_value_is_a_data_error() {
    assertThat(FailureKind.of(new ValueConversionException(TABLE, null, "price", "TEXT", "NUMERIC", null)))
        .isEqualTo(FailureKind.DATA);
  }
}
