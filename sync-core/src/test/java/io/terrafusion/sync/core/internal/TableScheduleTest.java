package io.terrafusion.sync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.Transformer;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableScheduleTest {

  private static TableSchema table(String name, String... parents) {
    List<ForeignKey> fks = Arrays.stream(parents)
        .map(p -> new ForeignKey("fk_" + p, List.of(p + "_id"), TableId.of(p), List.of("id"))).toList();
    List<Column> columns = new ArrayList<>(List.of(Column.of("id", JDBCType.BIGINT)));
    Arrays.stream(parents).forEach(p -> columns.add(Column.of(p + "_id", JDBCType.BIGINT)));
    return new TableSchema(TableId.of(name), columns, List.of("id"), fks);
  }

  /** The plan the planner would make: tables parents first, with the referenced ones. */
  private static JobPlan plan(TableSchema... tables) {
    List<TableSchema> all = List.of(tables);
    List<TablePlan> plans = TableOrder.parentsFirst(all).stream()
        .map(t -> new TablePlan(t, Transformer.identity().bind(t), t)).toList();
    return new JobPlan(plans, TableOrder.referenced(all), List.of(), List.of());
  }

  /** Each step as {@code name} or {@code -name} for a deferred delete pass, with the indexes it waits for. */
  private static List<String> describe(List<TableSchedule.Step> steps) {
    return steps.stream()
        .map(s -> (s.deferredDeletes() ? "-" : "") + s.table().sourceId().name() + s.after()).toList();
  }

  @Test
  void childrenWaitForParentsWritesAndParentsDeletesWaitForChildren() {
    JobPlan plan = plan(table("lines", "orders"), table("orders", "customers"), table("customers"), table("audit"));

    assertThat(describe(TableSchedule.of(plan, SyncMode.FULL))).containsExactly(
        "audit[]", "customers[]", "orders[1]", "lines[2]", "-orders[2, 3]", "-customers[1, 4]");
  }

  @Test
  void incrementalJobsDeleteInTheMainPass() {
    JobPlan plan = plan(table("orders", "customers"), table("customers"));

    List<TableSchedule.Step> steps = TableSchedule.of(plan, SyncMode.INCREMENTAL);

    assertThat(describe(steps)).containsExactly("customers[]", "orders[0]");
    assertThat(steps).noneMatch(TableSchedule.Step::defersDeletes);
  }

  @Test
  void tablesInACycleFollowThePlansOrderWithoutWaitingInACircle() {
    JobPlan plan = plan(table("b", "a"), table("a", "b"));

    assertThat(describe(TableSchedule.of(plan, SyncMode.FULL))).containsExactly(
        "a[]", "b[0]", "-b[1]", "-a[0, 2]");
  }
}
