package io.terrafusion.sync.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.ValueConversionException;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformersTest {
  private static final TableId ORDERS = TableId.of("shop", "orders");
  private static final TableId CUSTOMERS = TableId.of("shop", "customers");
  private static final String SECRET = "s3cr3t-value-4711";

  private static final TableSchema ORDERS_SCHEMA = new TableSchema(
      ORDERS,
      List.of(
          new Column("id", JDBCType.BIGINT, "bigint", 0, 0, false),
          new Column("customer", JDBCType.VARCHAR, "varchar", 40, 0, true),
          new Column("amount", JDBCType.DECIMAL, "decimal", 10, 2, true),
          new Column("note", JDBCType.VARCHAR, "varchar", 200, 0, true)),
      List.of("id"),
      List.of(new ForeignKey("fk_customer", List.of("customer"), CUSTOMERS, List.of("name"))));

  private static final TableSchema CUSTOMERS_SCHEMA = new TableSchema(
      CUSTOMERS,
      List.of(new Column("name", JDBCType.VARCHAR, "varchar", 40, 0, false), Column.of("note", JDBCType.VARCHAR)),
      List.of("name"),
      List.of());

  private static Row order(long id, String customer, String amount, String note) {
    return Row.of(ORDERS_SCHEMA.layout(), id, customer, new BigDecimal(amount), note);
  }

  @Test
  void renameTableRenamesTheTableAndKeepsRows() {
    RowMapping mapping = Transformers.renameTable(ORDERS, "sales_orders").bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().id()).isEqualTo(TableId.of("shop", "sales_orders"));
    assertThat(mapping.schema().columns()).isEqualTo(ORDERS_SCHEMA.columns());
    Row row = order(1, "ann", "9.50", "x");
    assertThat(mapping.apply(row)).isEqualTo(row);
  }

  @Test
  void renameTableRejectsBlankName() {
    assertThatThrownBy(() -> Transformers.renameTable(ORDERS, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newName");
  }

  @Test
  void renameColumnsRenamesSchemaAndRows() {
    RowMapping mapping = Transformers.renameColumns(ORDERS, Map.of("note", "remark")).bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().layout().columns()).containsExactly("id", "customer", "amount", "remark");
    assertThat(mapping.schema().column("remark")).get().extracting(Column::size).isEqualTo(200);
    Row mapped = mapping.apply(order(1, "ann", "9.50", "hello"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.layout()).isEqualTo(mapping.schema().layout());
    assertThat(mapped.get("remark")).isEqualTo("hello");
  }

  @Test
  void keyRenameKeepsKeyValuesAndMovesThePrimaryKey() {
    RowMapping mapping = Transformers.renameColumns(ORDERS, Map.of("id", "order_id")).bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().primaryKey()).containsExactly("order_id");
    Row mapped = mapping.apply(order(42, "ann", "1", "n"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.key()).isEqualTo(RowKey.of(42L));
  }

  @Test
  void renameColumnsFollowsForeignKeys() {
    RowMapping mapping = Transformers.renameColumns(ORDERS, Map.of("customer", "buyer")).bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().foreignKeys()).singleElement()
        .satisfies(fk -> assertThat(fk.columns()).containsExactly("buyer"));
  }

  @Test
  void renameColumnsCanSwapTwoNames() {
    RowMapping mapping = Transformers.renameColumns(ORDERS, Map.of("customer", "note", "note", "customer"))
        .bind(ORDERS_SCHEMA);

    Row mapped = mapping.apply(order(1, "ann", "1", "hello"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.get("note")).isEqualTo("ann");
    assertThat(mapped.get("customer")).isEqualTo("hello");
  }

  @Test
  void renameColumnsRejectsAColumnTheTableLacks() {
    Transformer t = Transformers.renameColumns(ORDERS, Map.of("nope", "other"));

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("nope");
  }

  @Test
  void renameColumnsRejectsADuplicateResultingName() {
    Transformer t = Transformers.renameColumns(ORDERS, Map.of("note", "customer"));

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("two columns named customer");
  }

  @Test
  void dropColumnsRemovesColumnsAndTheirValues() {
    RowMapping mapping = Transformers.dropColumns(ORDERS, "note", "amount").bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().layout().columns()).containsExactly("id", "customer");
    Row mapped = mapping.apply(order(7, "bob", "3.10", "n"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.values()).containsExactly(7L, "bob");
    assertThat(mapped.layout()).isEqualTo(mapping.schema().layout());
  }

  @Test
  void dropColumnsDropsForeignKeysOverDroppedColumns() {
    RowMapping mapping = Transformers.dropColumns(ORDERS, "customer").bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().foreignKeys()).isEmpty();
  }

  @Test
  void dropColumnsRejectsAKeyColumn() {
    Transformer t = Transformers.dropColumns(ORDERS, "id");

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("column id")
        .hasMessageContaining("primary key");
  }

  @Test
  void dropColumnsRejectsAColumnTheTableLacks() {
    Transformer t = Transformers.dropColumns(ORDERS, "ghost");

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("ghost");
  }

  @Test
  void dropColumnsRejectsAnEmptyList() {
    assertThatThrownBy(() -> Transformers.dropColumns(ORDERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns");
  }

  @Test
  void computedColumnAppendsAComputedValue() {
    Column label = Column.of("label", JDBCType.VARCHAR);
    RowMapping mapping = Transformers.computedColumn(ORDERS, label, row -> row.get("customer") + "#" + row.get("id"))
        .bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().columns()).endsWith(label).hasSize(5);
    Row mapped = mapping.apply(order(3, "cy", "1", "n"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.get("label")).isEqualTo("cy#3");
    assertThat(mapped.get("note")).isEqualTo("n");
  }

  @Test
  void computedColumnReplacesAColumnOfTheSameNameInPlace() {
    Column note = new Column("note", JDBCType.INTEGER, "integer", 0, 0, true);
    RowMapping mapping = Transformers.computedColumn(ORDERS, note, row -> ((String) row.get("note")).length())
        .bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().columns()).hasSize(4);
    assertThat(mapping.schema().column(3)).isEqualTo(note);
    Row mapped = mapping.apply(order(3, "cy", "1", "four"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.get(3)).isEqualTo(4);
  }

  @Test
  void computedColumnRejectsAKeyColumn() {
    Transformer t = Transformers.computedColumn(ORDERS, Column.of("id", JDBCType.BIGINT), row -> 1L);

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("column id");
  }

  @Test
  void computedColumnFailureNamesTableKeyAndColumnButNoValue() {
    RowMapping mapping = Transformers.computedColumn(ORDERS, Column.of("x", JDBCType.VARCHAR), row -> {
      throw new IllegalStateException("bad " + row.get("note"));
    }).bind(ORDERS_SCHEMA);

    assertThatThrownBy(() -> mapping.apply(order(5, "ann", "1", SECRET)))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("(5)")
        .hasMessageContaining("column x")
        .hasMessageNotContaining(SECRET)
        .satisfies(e -> assertThat(((RowMappingException) e).key()).isEqualTo(RowKey.of(5L)));
  }

  @Test
  void convertColumnChangesTheTypeAndTheValues() {
    Column cents = new Column("amount", JDBCType.BIGINT, "bigint", 0, 0, true);
    RowMapping mapping = Transformers.convertColumn(ORDERS, "amount", cents,
        v -> v == null ? null : ((BigDecimal) v).movePointRight(2).longValueExact()).bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().column("amount")).contains(cents);
    Row mapped = mapping.apply(order(1, "ann", "12.34", "n"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.get("amount")).isEqualTo(1234L);
  }

  @Test
  void convertColumnPassesNullToTheFunction() {
    RowMapping mapping = Transformers.convertColumn(ORDERS, "note", Column.of("note", JDBCType.VARCHAR),
        v -> v == null ? "(none)" : v).bind(ORDERS_SCHEMA);

    Row mapped = mapping.apply(Row.of(ORDERS_SCHEMA.layout(), 1L, "ann", null, null));
    assertThat(mapped).isNotNull();
    assertThat(mapped.get("note")).isEqualTo("(none)");
  }

  @Test
  void convertColumnFailureIsAValueConversionExceptionWithoutTheValue() {
    RowMapping mapping = Transformers.convertColumn(ORDERS, "note", Column.of("note", JDBCType.INTEGER),
        v -> Integer.parseInt((String) v)).bind(ORDERS_SCHEMA);

    assertThatThrownBy(() -> mapping.apply(order(9, "ann", "1", SECRET)))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("(9)")
        .hasMessageContaining("note")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void convertColumnRejectsANewTypeOfAnotherName() {
    assertThatThrownBy(() -> Transformers.convertColumn(ORDERS, "amount", Column.of("total", JDBCType.BIGINT), v -> v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newType")
        .hasMessageContaining("amount");
  }

  @Test
  void convertColumnRejectsAColumnTheTableLacks() {
    Transformer t = Transformers.convertColumn(ORDERS, "ghost", Column.of("ghost", JDBCType.BIGINT), v -> v);

    assertThatThrownBy(() -> t.bind(ORDERS_SCHEMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("ghost");
  }

  @Test
  void filterRowsMapsRejectedRowsToNull() {
    RowMapping mapping = Transformers.filterRows(ORDERS, row -> !"bob".equals(row.get("customer"))).bind(ORDERS_SCHEMA);

    Row kept = order(1, "ann", "1", "n");
    assertThat(mapping.apply(kept)).isEqualTo(kept);
    assertThat(mapping.apply(order(2, "bob", "1", "n"))).isNull();
    assertThat(mapping.schema()).isEqualTo(ORDERS_SCHEMA);
  }

  @Test
  void filterRowsFailureNamesTableAndKey() {
    RowMapping mapping = Transformers.filterRows(ORDERS, row -> {
      throw new IllegalArgumentException(SECRET);
    }).bind(ORDERS_SCHEMA);

    assertThatThrownBy(() -> mapping.apply(order(4, "ann", "1", "n")))
        .isInstanceOf(RowMappingException.class)
        .hasMessageContaining("shop.orders")
        .hasMessageContaining("(4)")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void everyBuiltInIsTheIdentityForOtherTables() {
    List<Transformer> all = List.of(
        Transformers.renameTable(ORDERS, "x"),
        Transformers.renameColumns(ORDERS, Map.of("note", "remark")),
        Transformers.dropColumns(ORDERS, "note"),
        Transformers.computedColumn(ORDERS, Column.of("note", JDBCType.VARCHAR), row -> "computed"),
        Transformers.convertColumn(ORDERS, "note", Column.of("note", JDBCType.INTEGER), v -> 1),
        Transformers.filterRows(ORDERS, row -> false));
    Row customer = Row.of(CUSTOMERS_SCHEMA.layout(), "ann", "vip");

    for (Transformer t : all) {
      RowMapping mapping = t.bind(CUSTOMERS_SCHEMA);
      assertThat(mapping.schema()).isEqualTo(CUSTOMERS_SCHEMA);
      assertThat(mapping.apply(customer)).isEqualTo(customer);
    }
  }

  @Test
  void forTableAppliesAnyTransformerToOneTableOnly() {
    Transformer everywhere = source -> RowMapping.identity(source.withId(source.id().withName("t_" + source.id().name())));
    Transformer scoped = Transformers.forTable(CUSTOMERS, everywhere);

    assertThat(scoped.bind(CUSTOMERS_SCHEMA).schema().id().name()).isEqualTo("t_customers");
    assertThat(scoped.bind(ORDERS_SCHEMA).schema()).isEqualTo(ORDERS_SCHEMA);
  }

  @Test
  void severalTransformersComposeWithAndThen() {
    Transformer chain = Transformers.renameColumns(ORDERS, Map.of("id", "order_id", "customer", "buyer"))
        .andThen(Transformers.dropColumns(ORDERS, "note"))
        .andThen(Transformers.convertColumn(ORDERS, "amount", Column.of("amount", JDBCType.VARCHAR),
            v -> v == null ? null : ((BigDecimal) v).toPlainString()))
        .andThen(Transformers.computedColumn(ORDERS, Column.of("vip", JDBCType.BOOLEAN),
            row -> "ann".equals(row.get("buyer"))))
        .andThen(Transformers.filterRows(ORDERS, row -> !"0.00".equals(row.get("amount"))))
        .andThen(Transformers.renameTable(ORDERS, "sales"));

    RowMapping mapping = chain.bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().id()).isEqualTo(TableId.of("shop", "sales"));
    assertThat(mapping.schema().layout().columns()).containsExactly("order_id", "buyer", "amount", "vip");
    assertThat(mapping.schema().primaryKey()).containsExactly("order_id");
    Row mapped = mapping.apply(order(11, "ann", "5.50", "n"));
    assertThat(mapped).isNotNull();
    assertThat(mapped.values()).containsExactly(11L, "ann", "5.50", true);
    assertThat(mapped.key()).isEqualTo(RowKey.of(11L));
    assertThat(mapping.apply(order(12, "bob", "0.00", "n"))).isNull();
  }

  @Test
  void aTransformerScopedToTheOldNameDoesNotApplyAfterATableRename() {
    Transformer chain = Transformers.renameTable(ORDERS, "sales").andThen(Transformers.dropColumns(ORDERS, "note"));

    assertThat(chain.bind(ORDERS_SCHEMA).schema().layout().columns()).contains("note");
  }

  @Test
  void renamesDropsAndTableRenamesDeclareTheSourceColumnOfEachMappedColumn() {
    Transformer chain = Transformers.renameColumns(ORDERS, Map.of("id", "order_id", "customer", "buyer"))
        .andThen(Transformers.dropColumns(ORDERS, "note"))
        .andThen(Transformers.renameColumns(ORDERS, Map.of("buyer", "client")))
        .andThen(Transformers.renameTable(ORDERS, "sales"));

    RowMapping mapping = chain.bind(ORDERS_SCHEMA);

    assertThat(mapping.schema().layout().columns()).containsExactly("order_id", "client", "amount");
    assertThat(mapping.sourceColumns()).containsExactly("id", "customer", "amount");
    assertThat(mapping.apply(order(7, "ann", "1.00", "x")).values()).containsExactly(7L, "ann", new BigDecimal("1.00"));
    assertThat(Transformer.identity().bind(CUSTOMERS_SCHEMA).sourceColumns()).containsExactly("name", "note");
  }

  @Test
  void mappingsThatComputeConvertOrFilterDeclareNoSourceColumns() {
    Transformer convert = Transformers.convertColumn(ORDERS, "amount", Column.of("amount", JDBCType.VARCHAR),
        v -> v == null ? null : v.toString());
    Transformer compute = Transformers.computedColumn(ORDERS, Column.of("vip", JDBCType.BOOLEAN), row -> true);
    Transformer filter = Transformers.filterRows(ORDERS, row -> true);

    for (Transformer transformer : List.of(convert, compute, filter)) {
      assertThat(transformer.bind(ORDERS_SCHEMA).sourceColumns()).isEmpty();
      Transformer renameFirst = Transformers.renameColumns(ORDERS, Map.of("note", "remark")).andThen(transformer);
      assertThat(renameFirst.bind(ORDERS_SCHEMA).sourceColumns()).isEmpty();
      assertThat(transformer.andThen(Transformers.dropColumns(ORDERS, "note")).bind(ORDERS_SCHEMA).sourceColumns())
          .isEmpty();
    }
  }

  @Test
  void aCopyingMappingMustNameOneSourceColumnPerColumn() {
    assertThatThrownBy(() -> RowMapping.copying(CUSTOMERS_SCHEMA, List.of("name"), row -> row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one source column for each of [name, note]");
  }
}
