package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Batches are staged on the read-ahead thread while the batch before is written; what staging meets
 * (filtered rows, dead letters, a FAIL) is still recorded batch by batch, in the order of the rows,
 * and nothing of a batch that was staged ahead is recorded once an earlier batch failed the job.
 */
class StagingAheadTest {
  /** Rejects rows whose qty is negative. */
  private static final Validator NON_NEGATIVE_QTY = (row, table) ->
      row.get("qty") instanceof Long qty && qty < 0
          ? List.of(new Violation(table.id(), row.key(), "qty", "non-negative", "qty must not be negative"))
          : List.of();

  private final MemoryStore source = new MemoryStore("source").create(Schemas.items());
  private final MemoryStore target = new MemoryStore("target").create(Schemas.items());
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final RecordingSink sink = new RecordingSink();

  /** Rows 1..9 in batches of three: rows 2, 5 and 8 are filtered, the negative ones dead-lettered. */
  private SyncEngineBuilder builder(Set<Long> negative) {
    for (long id = 1; id <= 9; id++) {
      source.put(ITEMS, id, id % 3 == 2 ? "skip" : "keep", negative.contains(id) ? -id : id);
    }
    return SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(3)
        .executor(Runnable::run).auditSink(sink).validator(NON_NEGATIVE_QTY)
        .transformer(schema -> RowMapping.of(schema, row -> "skip".equals(row.get("name")) ? null : row));
  }

  @Test
  void whatStagingMetIsRecordedBatchByBatchInRowOrder() {
    try (SyncEngine engine = builder(Set.of(3L, 7L)).build()) {
      TableReport report = engine.run(SyncRequest.full()).table(ITEMS).orElseThrow();
      assertThat(report.filtered()).isEqualTo(3);
      assertThat(report.deadLettered()).isEqualTo(2);
      assertThat(report.inserted()).isEqualTo(4);
    }
    assertThat(rowEvents()).containsExactly(
        "0 ROW_FILTERED (2)", "0 ROW_REJECTED (3)", "0 ROW_DEAD_LETTERED (3)", "0 ROW_INSERTED (1)",
        "1 ROW_FILTERED (5)", "1 ROW_INSERTED (4)", "1 ROW_INSERTED (6)",
        "2 ROW_REJECTED (7)", "2 ROW_DEAD_LETTERED (7)", "2 ROW_FILTERED (8)", "2 ROW_INSERTED (9)");
    assertThat(state.deadLetters(null, 0, 10)).extracting(letter -> letter.key())
        .containsExactlyInAnyOrder(RowKey.of(3L), RowKey.of(7L));
  }

  @Test
  void aFailInOneBatchRecordsNothingOfTheBatchesStagedAfterIt() {
    try (SyncEngine engine = builder(Set.of(4L)).deadLetterPolicy(DeadLetterPolicy.FAIL).build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full()));
      assertThat(e.report().failure()).contains("(4)").contains("non-negative");
    }
    assertThat(rowEvents()).containsExactly("0 ROW_FILTERED (2)", "0 ROW_INSERTED (1)", "0 ROW_INSERTED (3)");
    assertThat(target.row(ITEMS, 6L)).isEmpty();
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
  }

  private List<String> rowEvents() {
    return sink.events().stream().filter(event -> event.key() != null)
        .map(StagingAheadTest::describe).toList();
  }

  private static String describe(AuditEvent event) {
    RowKey key = event.key();
    return event.batch() + " " + event.type() + " " + key;
  }
}
