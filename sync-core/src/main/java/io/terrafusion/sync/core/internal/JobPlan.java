package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import java.util.List;
import java.util.Set;

/**
 * The plan of a job: its tables parents first, the source tables another selected table references,
 * the violations found before anything was written (the job may run only when there are none), and
 * the mapped schemas of the target tables found missing, which a job may create.
 */
record JobPlan(List<TablePlan> tables, Set<TableId> referenced, List<Violation> violations,
    List<TableSchema> missing) {
  JobPlan {
    missing = List.copyOf(missing);
    tables = List.copyOf(tables);
    referenced = Set.copyOf(referenced);
    violations = List.copyOf(violations);
  }
}
