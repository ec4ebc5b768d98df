package io.terrafusion.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {
  private static final RowLayout LAYOUT = RowLayout.of(List.of("county", "parcel", "value"), List.of("county", "parcel"));

  @Test
  void keyFollowsKeyColumnOrder() {
    RowLayout layout = RowLayout.of(List.of("a", "b", "c"), List.of("c", "a"));
    Row row = Row.of(layout, 1L, "x", "z");
    assertThat(row.key()).isEqualTo(RowKey.of("z", 1L));
  }

  @Test
  void rowsWithCanonicallyEqualValuesAreEqual() {
    Row a = Row.of(LAYOUT, "benton", 7L, new BigDecimal("10.50"));
    Row b = Row.of(LAYOUT, "benton", 7, new BigDecimal("10.5"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.sameValues(b.with("value", null))).isFalse();
  }

  @Test
  void rejectsNullKeyValue() {
    assertThatThrownBy(() -> Row.of(LAYOUT, "benton", null, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key column parcel");
  }

  @Test
  void rejectsWrongNumberOfValues() {
    assertThatThrownBy(() -> Row.of(LAYOUT, "benton", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 values")
        .hasMessageContaining("3 columns");
  }

  @Test
  void toStringShowsTheKeyButNoValue() {
    Row row = Row.of(LAYOUT, "benton", 7L, new BigDecimal("987654.32"));
    assertThat(row.toString()).contains("'benton'").contains("7").doesNotContain("987654");
  }

  @Test
  void ofCopiesTheArrayButWrapDoesNot() {
    Object[] values = {"benton", 1L, BigDecimal.ONE};
    Row copied = Row.of(LAYOUT, values);
    values[2] = BigDecimal.TEN;
    assertThat(copied.get("value")).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void fromMapLeavesMissingColumnsNullAndRejectsUnknownOnes() {
    Row row = Row.fromMap(LAYOUT, Map.of("county", "benton", "parcel", 3L));
    assertThat(row.get("value")).isNull();
    assertThatThrownBy(() -> Row.fromMap(LAYOUT, Map.of("county", "benton", "parcel", 3L, "owner", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner");
  }

  @Test
  void layoutRejectsDuplicateColumnsAndForeignKeyColumns() {
    assertThatThrownBy(() -> RowLayout.of(List.of("a", "a"), List.of("a")))
        .hasMessageContaining("column a appears more than once");
    assertThatThrownBy(() -> RowLayout.of(List.of("a"), List.of("b")))
        .hasMessageContaining("key column b is not among the columns");
    assertThatThrownBy(() -> RowLayout.of(List.of("a"), List.of()))
        .hasMessageContaining("primary key");
  }

  @Test
  void keysOrderColumnByColumn() {
    assertThat(RowKey.of("a", 2L)).isLessThan(RowKey.of("a", 10L));
    assertThat(RowKey.of("A", 99L)).isLessThan(RowKey.of("a", 1L));
    assertThatThrownBy(() -> RowKey.of(1L).compareTo(RowKey.of(1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyRangeIsOpenBelowAndClosedAbove() {
    KeyRange range = new KeyRange(RowKey.of(1L), RowKey.of(5L));
    assertThat(range.contains(RowKey.of(1L))).isFalse();
    assertThat(range.contains(RowKey.of(2L))).isTrue();
    assertThat(range.contains(RowKey.of(5L))).isTrue();
    assertThat(range.contains(RowKey.of(6L))).isFalse();
    assertThat(KeyRange.all().contains(RowKey.of(Long.MIN_VALUE))).isTrue();
    assertThatThrownBy(() -> new KeyRange(RowKey.of(5L), RowKey.of(5L))).isInstanceOf(IllegalArgumentException.class);
  }
}
