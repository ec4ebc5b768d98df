package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.InMemoryAuditSink;
import io.terrafusion.sync.core.audit.JsonLinesAuditSink;
import io.terrafusion.sync.core.state.InMemoryStateStore;
import io.terrafusion.sync.spi.TransactionalWrite;
import io.terrafusion.sync.spi.Validator;
import io.terrafusion.sync.spi.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRedactionTest {
  private static final List<String> SECRETS = List.of("alice@secret.example", "bob@secret.example",
      "carol@secret.example", "old-dave@secret.example");

  @TempDir
  Path dir;

  /** Rejects row 3, quoting its sensitive value in the reason, as a careless custom validator might. */
  private static final Validator QUOTING = (row, table) -> row.key().equals(RowKey.of(3L))
      ? List.of(new Violation(table.id(), row.key(), "name", "no-carol", "name " + row.get("name") + " is banned"))
      : List.of();

  @Test
  void sensitiveValuesNeverAppearInAnySinkInDeadLettersOrInTheLogs() throws IOException {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore target = new MemoryStore("target").create(Schemas.items());
    source.put(ITEMS, 1L, SECRETS.get(0), 1L).put(ITEMS, 2L, SECRETS.get(1), 2L).put(ITEMS, 3L, SECRETS.get(2), 3L);
    target.put(ITEMS, 2L, SECRETS.get(3), 2L).put(ITEMS, 4L, SECRETS.get(0), 4L);
    InMemoryAuditSink memory = AuditSinks.inMemory();
    InMemoryStateStore state = new InMemoryStateStore();
    Path file = dir.resolve("audit.jsonl");
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try (JsonLinesAuditSink json = AuditSinks.jsonLines(file);
        SyncEngine engine = SyncEngine.builder().source(source).target(target).stateStore(state).batchSize(2)
            .executor(Runnable::run).validator(QUOTING).sensitiveColumns(ITEMS, "name")
            .auditSink(AuditSinks.fanOut(memory, json, AuditSinks.slf4j())).build()) {
      engine.run(SyncRequest.full());
    } finally {
      System.setErr(err);
    }
    List<AuditEvent> events = memory.events();
    assertThat(events).extracting(AuditEvent::type)
        .contains(AuditEventType.ROW_INSERTED, AuditEventType.ROW_UPDATED, AuditEventType.ROW_DELETED,
            AuditEventType.ROW_REJECTED, AuditEventType.ROW_DEAD_LETTERED);
    String jsonText = Files.readString(file);
    List<DeadLetter> letters = state.deadLetters(null, 0, 100);
    assertThat(letters).hasSize(1);
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("ROW_INSERTED");
    for (String secret : SECRETS) {
      assertThat(events.toString()).doesNotContain(secret);
      assertThat(events).allSatisfy(e -> assertThat(e.details().toString()).doesNotContain(secret));
      assertThat(jsonText).doesNotContain(secret);
      assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
      assertThat(letters.get(0).reason()).doesNotContain(secret);
    }
    AuditEvent insert = events.stream().filter(e -> e.type() == AuditEventType.ROW_INSERTED).findFirst().orElseThrow();
    assertThat((String) insert.after().get("name")).matches("sha256:[0-9a-f]{32}");
    assertThat(insert.after().get("qty")).isEqualTo(1L);
    AuditEvent delete = events.stream().filter(e -> e.type() == AuditEventType.ROW_DELETED).findFirst().orElseThrow();
    assertThat(delete.before().get("name")).as("one value, one mask within an engine")
        .isEqualTo(insert.after().get("name"));
    assertThat(letters.get(0).reason()).contains("sha256:");
    assertThat(target.rows(ITEMS)).extracting(r -> r.get("name")).contains(SECRETS.get(0), SECRETS.get(1));
  }

  @Test
  void aDriverMessageQuotingAValueIsNotLoggedWhenTheJobFails() {
    MemoryStore source = new MemoryStore("source").create(Schemas.items());
    MemoryStore memoryTarget = new MemoryStore("target").create(Schemas.items());
    source.put(ITEMS, 1L, SECRETS.get(0), 1L);
    ForwardingTargetStore target = new ForwardingTargetStore(memoryTarget) {
      @Override
      public void apply(TableSchema table, WriteBatch batch, List<TransactionalWrite> alongside) {
        throw new IllegalStateException("cannot apply a batch to table items", new SQLException(
            "duplicate key value violates unique constraint: Key (name)=(" + SECRETS.get(0) + ") already exists",
            "23505"));
      }
    };
    InMemoryAuditSink memory = AuditSinks.inMemory();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    // FAIL, as a refused row is otherwise dead-lettered and the job goes on
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run)
        .sensitiveColumns(ITEMS, "name").auditSink(memory).deadLetterPolicy(DeadLetterPolicy.FAIL).build()) {
      assertThatThrownBy(() -> engine.run(SyncRequest.full())).isInstanceOf(JobFailedException.class);
    } finally {
      System.setErr(err);
    }
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("failed").contains("SQLState 23505").doesNotContain(SECRETS.get(0));
    assertThat(memory.events().toString()).doesNotContain(SECRETS.get(0));
  }
}
