package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps of a job and what each must wait for, so that tables may run in parallel in foreign-key
 * order. Each table has a main step (inserts and updates, and its deletes unless another selected
 * table references it); a full job's referenced tables also have a deferred step that only deletes.
 *
 * <p>A main step waits for the main steps of the tables it references; a deferred step waits for its
 * own main step and for the last step of every table that references it. Only tables later in the
 * plan's order count as parents of deletes and earlier ones as parents of writes, so tables whose
 * foreign keys form a cycle still get an order, the plan's, and the steps never wait in a circle.
 * Run one at a time in list order, the steps are the plan's tables parents first, then the deferred
 * deletes children first.
 */
final class TableSchedule {
  private TableSchedule() {}

  /**
   * One step.
   *
   * @param table the table
   * @param deferredDeletes whether this is the table's deferred delete pass rather than its main pass
   * @param defersDeletes for a main step, whether the table's deletes wait for a deferred step
   * @param after the indexes of the steps that must end before this one starts
   */
  record Step(TablePlan table, boolean deferredDeletes, boolean defersDeletes, List<Integer> after) {
    Step {
      Objects.requireNonNull(table, "table");
      after = List.copyOf(after);
    }
  }

  static List<Step> of(JobPlan plan, SyncMode mode) {
    List<TablePlan> tables = plan.tables();
    Map<TableId, Integer> position = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      position.put(tables.get(i).sourceId(), i);
    }
    List<Step> steps = new ArrayList<>();
    Map<TableId, Integer> last = new HashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      TablePlan table = tables.get(i);
      boolean defers = mode == SyncMode.FULL && plan.referenced().contains(table.sourceId());
      List<Integer> after = new ArrayList<>();
      for (ForeignKey fk : table.source().foreignKeys()) {
        Integer parent = position.get(fk.referencedTable());
        if (parent != null && parent < i && !after.contains(parent)) {
          after.add(parent);
        }
      }
      steps.add(new Step(table, false, defers, after));
      last.put(table.sourceId(), i);
    }
    for (int i = tables.size() - 1; i >= 0; i--) {
      TablePlan table = tables.get(i);
      if (!steps.get(i).defersDeletes()) {
        continue;
      }
      List<Integer> after = new ArrayList<>(List.of(i));
      for (int child = i + 1; child < tables.size(); child++) {
        if (references(tables.get(child), table.sourceId())) {
          after.add(last.get(tables.get(child).sourceId()));
        }
      }
      last.put(table.sourceId(), steps.size());
      steps.add(new Step(table, true, false, after));
    }
    return steps;
  }

  private static boolean references(TablePlan child, TableId parent) {
    return child.source().foreignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(parent));
  }
}
