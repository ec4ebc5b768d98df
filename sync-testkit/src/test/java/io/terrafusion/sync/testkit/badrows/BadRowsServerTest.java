package io.terrafusion.sync.testkit.badrows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.DeadLetterRetryReport;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.core.DeadLetterPolicy;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.SyncEngineBuilder;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.core.validate.Validators;
import io.terrafusion.sync.spi.WriteBatch;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.ServerDatabase;
import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import io.terrafusion.sync.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 25,000-row batch with one row the target database refuses (text too long for its column): the
 * other rows applied, one dead letter, or a failed job under FAIL; then the column is widened and the
 * dead letter retried. The row check of the validator is off, so that the database is the one to refuse.
 */
class BadRowsServerTest {
  private static final TableId ITEMS = TableId.of("items");
  private static final int ROWS = 25_000;
  private static final long BAD = 12_345;
  private static final String LONG_TEXT = "too-long-" + "x".repeat(60);

  @Test
  void postgres() {
    ServerDatabase.require(Kind.POSTGRESQL);
    try (ServerDatabase source = ServerDatabase.create(Kind.POSTGRESQL, "badrows_src");
        ServerDatabase target = ServerDatabase.create(Kind.POSTGRESQL, "badrows_tgt")) {
      scenario(source, target, "ALTER TABLE items ALTER COLUMN name TYPE VARCHAR(200)");
    }
  }

  @Test
  void mariaDb() {
    ServerDatabase.require(Kind.MARIADB);
    try (ServerDatabase source = ServerDatabase.create(Kind.MARIADB, "badrows_src");
        ServerDatabase target = ServerDatabase.create(Kind.MARIADB, "badrows_tgt")) {
      scenario(source, target, "ALTER TABLE items MODIFY name VARCHAR(200)");
    }
  }

  @Test
  void h2() {
    try (EmbeddedDatabase source = EmbeddedDatabase.h2(); EmbeddedDatabase target = EmbeddedDatabase.h2()) {
      scenario(source, target, "ALTER TABLE items ALTER COLUMN name SET DATA TYPE VARCHAR(200)");
    }
  }

  private static void scenario(TestDatabase source, TestDatabase target, String widen) {
    source.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL)");
    target.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
    fill(source);

    failPolicyFailsNamingTheRow(source, target);
    assertThat(target.count("items")).isLessThan(ROWS);
    target.execute("DELETE FROM items");

    InMemoryStateStore state = new InMemoryStateStore();
    try (SyncEngine engine = builder(source, target).stateStore(state).build()) {
      TableReport report = engine.run(SyncRequest.full(ITEMS)).table(ITEMS).orElseThrow();
      assertThat(report.inserted()).isEqualTo(ROWS - 1);
      assertThat(report.deadLettered()).isEqualTo(1);
      assertThat(target.count("items")).isEqualTo(ROWS - 1);
      assertThat(target.queryLong("SELECT COUNT(*) FROM items WHERE id = ?", BAD)).isZero();
      List<DeadLetter> letters = engine.deadLetters(ITEMS, 0, 10);
      assertThat(letters).singleElement().satisfies(letter -> {
        assertThat(letter.key()).isEqualTo(RowKey.of(BAD));
        assertThat(letter.row().get("name")).isEqualTo(LONG_TEXT);
        assertThat(letter.reason()).contains("items", "(12345)", "22001", "column name", "(200)", "(10)")
            .doesNotContain("too-long");
      });

      target.execute(widen);
      target.store().refresh();
      DeadLetterRetryReport retry = engine.retryDeadLetters(ITEMS);
      assertThat(retry.retried()).isEqualTo(1);
      assertThat(retry.applied()).isEqualTo(1);
      assertThat(retry.stillFailing()).isZero();
      assertThat(engine.deadLetters(null, 0, 10)).isEmpty();
      assertThat(target.count("items")).isEqualTo(ROWS);
      assertThat(target.queryLong("SELECT COUNT(*) FROM items WHERE id = ? AND name = ?", BAD, LONG_TEXT)).isEqualTo(1);
    }
  }

  private static void failPolicyFailsNamingTheRow(TestDatabase source, TestDatabase target) {
    InMemoryStateStore state = new InMemoryStateStore();
    try (SyncEngine engine = builder(source, target).stateStore(state).deadLetterPolicy(DeadLetterPolicy.FAIL)
        .build()) {
      JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> engine.run(SyncRequest.full(ITEMS)));
      assertThat(e.report().failure()).contains("items", "(12345)", "22001", "FAIL").doesNotContain("too-long");
    }
    assertThat(state.deadLetters(null, 0, 10)).isEmpty();
  }

  private static SyncEngineBuilder builder(TestDatabase source, TestDatabase target) {
    return SyncEngine.builder().source(source.store()).target(target.store()).batchSize(ROWS)
        .validator(Validators.schemaCompatibility());
  }

  private static void fill(TestDatabase source) {
    TableSchema schema = source.store().table(ITEMS).orElseThrow();
    List<Row> rows = new ArrayList<>(ROWS);
    for (long id = 1; id <= ROWS; id++) {
      rows.add(Row.of(schema.layout(), id, id == BAD ? LONG_TEXT : "n" + id));
    }
    source.store().apply(schema, new WriteBatch(rows, List.of(), true));
  }
}
