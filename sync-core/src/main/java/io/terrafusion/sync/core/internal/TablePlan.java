package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import java.util.Objects;

/**
 * How one table is synced: its source schema, the transformer bound to it, and the write schema (the
 * target table projected onto the mapping's columns, in the mapping's column order, so mapped rows
 * fit it as they are).
 */
record TablePlan(TableSchema source, RowMapping mapping, TableSchema write) {
  TablePlan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(write, "write");
  }

  TableId sourceId() {
    return source.id();
  }

  TableId targetId() {
    return write.id();
  }
}
