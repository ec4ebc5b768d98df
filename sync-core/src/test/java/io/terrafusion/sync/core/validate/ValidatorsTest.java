package io.terrafusion.sync.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValidationReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.spi.Validator;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
  private static final TableId ORDERS = TableId.of("shop", "orders");
  private static final String SECRET = "s3cr3t-4711";

  private static final Column ID = new Column("id", JDBCType.BIGINT, "bigint", 0, 0, false);
  private static final Column QTY = new Column("qty", JDBCType.INTEGER, "integer", 0, 0, true);
  private static final Column NAME = new Column("name", JDBCType.VARCHAR, "varchar", 5, 0, false);
  private static final Column PRICE = new Column("price", JDBCType.DECIMAL, "decimal", 6, 2, true);
  private static final Column CREATED = new Column("created", JDBCType.TIMESTAMP, "timestamp", 0, 0, true);
  private static final Column DATA = new Column("data", JDBCType.OTHER, "jsonb", 0, 0, true);

  private static final TableSchema TARGET = schema(List.of(ID, QTY, NAME, PRICE, CREATED, DATA), "id");

  private static TableSchema schema(List<Column> columns, String... key) {
    return new TableSchema(ORDERS, columns, List.of(key), List.of());
  }

  private static Row row(Object id, Object qty, Object name, Object price, Object created, Object data) {
    return Row.of(TARGET.layout(), id, qty, name, price, created, data);
  }

  private static Row valid() {
    return row(1L, 3L, "ann", new BigDecimal("12.50"), LocalDateTime.of(2024, 1, 2, 3, 4), "{}");
  }

  private static List<Violation> check(Row row) {
    return Validators.rowConstraints().validate(row, TARGET);
  }

  private static ValidationReport checkSchema(TableSchema mapped) {
    return Validators.schemaCompatibility().checkSchema(mapped, TARGET);
  }

  @Test
  void identicalSchemasAreCompatible() {
    assertThat(checkSchema(TARGET).isValid()).isTrue();
  }

  @Test
  void reportsAMappedColumnTheTargetLacks() {
    ValidationReport report = checkSchema(schema(List.of(ID, NAME, Column.of("extra", JDBCType.VARCHAR)), "id"));

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("missing-column");
      assertThat(v.column()).isEqualTo("extra");
      assertThat(v.message()).contains("shop.orders", "extra");
    });
  }

  @Test
  void reportsANotNullTargetColumnTheMappingDoesNotFill() {
    ValidationReport report = checkSchema(schema(List.of(ID, QTY), "id"));

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("unfilled-not-null");
      assertThat(v.column()).isEqualTo("name");
      assertThat(v.message()).contains("shop.orders", "name");
    });
  }

  @Test
  void nullableTargetColumnsNeedNotBeFilled() {
    assertThat(checkSchema(schema(List.of(ID, NAME), "id")).isValid()).isTrue();
  }

  @Test
  void reportsPrimaryKeysThatDiffer() {
    ValidationReport report = checkSchema(schema(List.of(ID, QTY, NAME, PRICE, CREATED, DATA), "id", "name"));

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("key-mismatch");
      assertThat(v.message()).contains("shop.orders", "[id, name]", "[id]");
    });
  }

  @Test
  void reportsColumnTypesOfDifferentKinds() {
    Column textQty = new Column("qty", JDBCType.VARCHAR, "varchar", 10, 0, true);
    Column textCreated = new Column("created", JDBCType.VARCHAR, "text", 0, 0, true);
    ValidationReport report = checkSchema(schema(List.of(ID, textQty, NAME, textCreated), "id"));

    assertThat(report.violations()).extracting(Violation::rule).containsOnly("type-mismatch");
    assertThat(report.violations()).extracting(Violation::column).containsExactly("qty", "created");
    assertThat(report.violations().get(0).message()).contains("shop.orders", "qty", "varchar", "integer");
  }

  @Test
  void integerIntoDecimalTextIntoShorterVarcharAndUnknownTypesAreCompatible() {
    Column intPrice = new Column("price", JDBCType.INTEGER, "integer", 0, 0, true);
    Column longName = new Column("name", JDBCType.VARCHAR, "varchar", 500, 0, false);
    Column textData = new Column("data", JDBCType.VARCHAR, "text", 0, 0, true);

    assertThat(checkSchema(schema(List.of(ID, intPrice, longName, textData), "id")).isValid()).isTrue();
  }

  @Test
  void schemaCompatibilityReportsNothingPerRow() {
    assertThat(Validators.schemaCompatibility().validate(row(1L, SECRET, null, null, null, null), TARGET)).isEmpty();
  }

  @Test
  void aValidRowHasNoViolations() {
    assertThat(check(valid())).isEmpty();
  }

  @Test
  void reportsNullInANotNullColumn() {
    List<Violation> violations = check(valid().with("name", null));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("not-null");
      assertThat(v.key()).isEqualTo(RowKey.of(1L));
      assertThat(v.message()).contains("shop.orders", "(1)", "name");
    });
  }

  @Test
  void acceptsNullInANullableColumn() {
    assertThat(check(valid().with("qty", null).with("data", null))).isEmpty();
  }

  @Test
  void reportsAValueOfTheWrongJavaType() {
    List<Violation> violations = check(valid().with("qty", "3").with("created", Instant.EPOCH));

    assertThat(violations).extracting(Violation::rule).containsExactly("type", "type");
    assertThat(violations).extracting(Violation::column).containsExactly("qty", "created");
    assertThat(violations.get(0).message()).contains("shop.orders", "(1)", "qty", "java.lang.String", "INTEGER");
  }

  @Test
  void integerColumnsAcceptIntegralDecimalsAndRejectFractions() {
    assertThat(check(valid().with("qty", new BigDecimal("3.00")))).isEmpty();
    assertThat(check(valid().with("qty", new BigDecimal("3.5")))).extracting(Violation::rule).containsExactly("type");
  }

  @Test
  void reportsAStringLongerThanTheColumn() {
    List<Violation> violations = check(valid().with("name", "abcdef"));

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("length");
      assertThat(v.message()).contains("shop.orders", "(1)", "name", "5");
    });
  }

  @Test
  void measuresLengthInCodePoints() {
    String fiveCodePointsSixChars = "ab\uD83D\uDE00de";

    assertThat(check(valid().with("name", fiveCodePointsSixChars))).isEmpty();
  }

  @Test
  void reportsTooManyIntegerDigitsForADecimal() {
    assertThat(check(valid().with("price", new BigDecimal("9999.99")))).isEmpty();
    assertThat(check(valid().with("price", new BigDecimal("10000")))).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("numeric-overflow");
      assertThat(v.message()).contains("shop.orders", "(1)", "price", "precision 6");
    });
  }

  @Test
  void reportsTooManyFractionDigitsOfAnExactNumberButNotOfADouble() {
    assertThat(check(valid().with("price", new BigDecimal("1.234")))).extracting(Violation::rule)
        .containsExactly("numeric-overflow");
    assertThat(check(valid().with("price", new BigDecimal("1.230")))).isEmpty();
    assertThat(check(valid().with("price", 1.0 / 3))).isEmpty();
  }

  @Test
  void reportsAnIntegerOutsideTheColumnTypesRange() {
    assertThat(check(valid().with("qty", (long) Integer.MAX_VALUE))).isEmpty();
    assertThat(check(valid().with("qty", Integer.MAX_VALUE + 1L))).extracting(Violation::rule)
        .containsExactly("numeric-overflow");
  }

  @Test
  void messagesNeverHoldRowValues() {
    List<Violation> violations = new ArrayList<>();
    violations.addAll(check(valid().with("qty", SECRET).with("name", SECRET)));
    violations.addAll(check(valid().with("price", new BigDecimal("4711471147.11"))));
    violations.addAll(Validators.rule("no-secret", ORDERS, r -> !SECRET.equals(r.get("data")), "data is secret")
        .validate(valid().with("data", SECRET), TARGET));

    assertThat(violations).hasSize(4);
    assertThat(violations).allSatisfy(v -> {
      assertThat(v.message()).contains("shop.orders", "(1)").doesNotContain(SECRET).doesNotContain("4711471147");
      assertThat(v.toString()).doesNotContain(SECRET);
    });
  }

  @Test
  void checksFollowTheTargetSchemaGivenEvenForEqualLayouts() {
    Validator validator = Validators.rowConstraints();
    TableSchema nullableName = schema(List.of(ID, QTY, NAME.withNullable(true), PRICE, CREATED, DATA), "id");
    TableSchema longName = schema(List.of(ID, QTY, new Column("name", JDBCType.VARCHAR, "varchar", 50, 0, false),
        PRICE, CREATED, DATA), "id");
    Row row = valid().with("name", "abcdefgh");

    assertThat(validator.validate(row, TARGET)).extracting(Violation::rule).containsExactly("length");
    assertThat(validator.validate(row, longName)).isEmpty();
    assertThat(validator.validate(row, TARGET)).extracting(Violation::rule).containsExactly("length");
    assertThat(validator.validate(valid().with("name", null), nullableName)).isEmpty();
  }

  @Test
  void rowsOfAProjectionAreCheckedByColumnName() {
    RowLayout projection = RowLayout.of(List.of("name", "id"), List.of("id"));

    assertThat(Validators.rowConstraints().validate(Row.of(projection, "abcdef", 2L), TARGET))
        .singleElement().satisfies(v -> {
          assertThat(v.column()).isEqualTo("name");
          assertThat(v.rule()).isEqualTo("length");
        });
  }

  @Test
  void customRulePassesRowsItAccepts() {
    Validator positive = Validators.rule("positive-qty", ORDERS, r -> ((Long) r.get("qty")) > 0, "qty must be > 0");

    assertThat(positive.validate(valid(), TARGET)).isEmpty();
  }

  @Test
  void customRuleReportsRowsItRejects() {
    Validator positive = Validators.rule("positive-qty", ORDERS, r -> ((Long) r.get("qty")) > 0, "qty must be > 0");

    assertThat(positive.validate(valid().with("qty", -1L), TARGET)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("positive-qty");
      assertThat(v.key()).isEqualTo(RowKey.of(1L));
      assertThat(v.message()).contains("shop.orders", "(1)", "positive-qty", "qty must be > 0");
    });
  }

  @Test
  void customRuleIgnoresOtherTables() {
    Validator never = Validators.rule("never", TableId.of("other"), r -> false, "never ok");

    assertThat(never.validate(valid(), TARGET)).isEmpty();
  }

  @Test
  void customRuleThatThrowsRejectsTheRowWithoutTheExceptionMessage() {
    Validator throwing = Validators.rule("boom", ORDERS, r -> {
      throw new IllegalStateException(SECRET);
    }, "never ok");

    assertThat(throwing.validate(valid(), TARGET)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("boom");
      assertThat(v.message()).contains("IllegalStateException").doesNotContain(SECRET);
    });
  }

  @Test
  void customRuleRejectsABlankName() {
    assertThatThrownBy(() -> Validators.rule(" ", ORDERS, r -> true, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void defaultsCheckSchemasAndRows() {
    Validator defaults = Validators.defaults();

    assertThat(defaults.checkSchema(schema(List.of(ID, QTY), "id"), TARGET).violations())
        .extracting(Violation::rule).containsExactly("unfilled-not-null");
    assertThat(defaults.validate(valid().with("name", null), TARGET))
        .extracting(Violation::rule).containsExactly("not-null");
  }
}
