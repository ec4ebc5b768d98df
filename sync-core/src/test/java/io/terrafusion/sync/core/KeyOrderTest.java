package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

  /** A target that returns its pages in descending key order, as a store with another collation might. */
  private static final class DescendingTarget extends ForwardingTargetStore {
    DescendingTarget(MemoryStore delegate) {
      super(delegate);
    }

    @Override
    public List<Row> read(TableSchema table, KeyRange range, int limit) {
      List<Row> rows = new ArrayList<>(super.read(table, range, limit));
      Collections.reverse(rows);
      return rows;
    }
  }

  @Test
  void targetOrderDisagreeingWithCanonicalOrderFailsNamingTableAndKeys() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items()).put(ITEMS, 1L, "a", 1L);
    MemoryStore target = new MemoryStore("target").create(Schemas.items()).put(ITEMS, 1L, "a", 1L)
        .put(ITEMS, 2L, "b", 2L);
    try (SyncEngine engine = SyncEngine.builder().source(source).target(new DescendingTarget(target))
        .executor(Runnable::run).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure())
          .contains("items").contains("(1)").contains("(2)").contains("disagrees with the canonical byte-wise order");
      assertThat(target.applies()).isZero();
    }
  }
}
