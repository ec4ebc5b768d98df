package io.terrafusion.sync.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.JDBCType;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RowConstraintsPropertyTest {
  private static final Validator ROWS = Validators.rowConstraints();

  private static TableSchema schema(Column value) {
    return new TableSchema(TableId.of("t"), List.of(new Column("id", JDBCType.BIGINT, "bigint", 0, 0, false), value),
        List.of("id"), List.of());
  }

  @Property
  void lengthIsReportedExactlyWhenTheCodePointsExceedTheSize(
      @ForAll String value, @ForAll @IntRange(min = 1, max = 20) int size) {
    TableSchema target = schema(new Column("v", JDBCType.VARCHAR, "varchar", size, 0, true));

    List<Violation> violations = ROWS.validate(Row.of(target.layout(), 1L, value), target);

    boolean tooLong = value.codePointCount(0, value.length()) > size;
    assertThat(violations).extracting(Violation::rule).isEqualTo(tooLong ? List.of("length") : List.of());
  }

  @Property
  void aDecimalFitsExactlyWhenTheDatabaseCouldStoreItUnchanged(
      @ForAll BigDecimal value, @ForAll @IntRange(min = 1, max = 18) int precision, @ForAll @IntRange(max = 6) int scale) {
    int s = Math.min(scale, precision);
    TableSchema target = schema(new Column("v", JDBCType.DECIMAL, "decimal", precision, s, true));

    List<Violation> violations = ROWS.validate(Row.of(target.layout(), 1L, value), target);

    BigDecimal limit = BigDecimal.TEN.pow(precision - s);
    boolean fits = value.setScale(s, RoundingMode.DOWN)
        .compareTo(value) == 0 && value.abs().compareTo(limit) < 0;
    assertThat(violations.isEmpty()).isEqualTo(fits);
  }
}
