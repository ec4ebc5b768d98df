package io.terrafusion.sync.core.audit;

import static io.terrafusion.sync.core.audit.AuditFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private List<JsonNode> readBack(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void writesOneObjectPerEventOfEveryKind() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      for (AuditEventType type : AuditEventType.values()) {
        sink.record(type.name().startsWith("JOB") ? AuditFixtures.jobEvent(type) : AuditFixtures.rowEvent(type, 1));
      }
    }

    List<JsonNode> nodes = readBack(file);
    assertThat(nodes).extracting(n -> n.get("type").asText())
        .containsExactly(List.of(AuditEventType.values()).stream().map(Enum::name).toArray(String[]::new));
  }

  @Test
  void rendersEveryFieldAndValueType() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_UPDATED, 42));
    }

    JsonNode event = readBack(file).get(0);
    assertThat(event.get("jobId").asText()).isEqualTo("job-1");
    assertThat(event.get("batch").asLong()).isEqualTo(3);
    assertThat(event.get("at").asText()).isEqualTo("2025-01-02T03:04:05.123Z");
    assertThat(event.get("table").asText()).isEqualTo("shop.orders");
    assertThat(event.get("key").toString()).isEqualTo("[42,\"R-1\"]");
    assertThat(event.get("details").get("reason").asText()).isEqualTo("changed at source");
    JsonNode before = event.get("before");
    assertThat(before.get("id").isIntegralNumber()).isTrue();
    String line = Files.readAllLines(file).get(0);
    assertThat(line).contains("\"amount\":12.50,").contains("\"amount\":13.00,");
    assertThat(before.get("ratio").asDouble()).isEqualTo(0.25);
    assertThat(before.get("note").asText()).isEqualTo(SECRET);
    assertThat(before.get("active").asBoolean()).isTrue();
    assertThat(before.get("photo").asText()).isEqualTo("AQID");
    assertThat(before.get("born").asText()).isEqualTo("1990-05-06");
    assertThat(before.get("opens").asText()).isEqualTo("08:30");
    assertThat(before.get("seen").asText()).isEqualTo("2024-01-02T03:04:05");
    assertThat(before.get("changed").asText()).isEqualTo("2024-06-07T08:09:10Z");
    assertThat(before.get("stamp").asText()).isEqualTo("2024-01-02T03:04:05+02:00");
    assertThat(before.get("ref").asText()).isEqualTo(AuditFixtures.ID.toString());
    assertThat(before.get("missing").isNull()).isTrue();
  }

  @Test
  void writesAbsentPartsOfAJobEventAsNull() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    }

    JsonNode event = readBack(file).get(0);
    assertThat(event.get("batch").asLong()).isEqualTo(-1);
    assertThat(List.of("table", "key", "before", "after")).allSatisfy(f -> assertThat(event.get(f).isNull()).isTrue());
    assertThat(event.get("details").get("mode").asText()).isEqualTo("FULL");
  }

  @Test
  void concurrentRecordingLosesNothing() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        tasks.add(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, base + i));
          }
          return null;
        });
      }
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    List<JsonNode> nodes = readBack(file);
    Set<Long> ids = new HashSet<>();
    nodes.forEach(n -> ids.add(n.get("key").get(0).asLong()));
    assertThat(nodes).hasSize(threads * perThread);
    assertThat(ids).hasSize(threads * perThread);
  }

  @Test
  void flushMakesRecordedLinesVisibleBeforeClose() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
      sink.flush();

      assertThat(Files.readAllLines(file)).hasSize(1);
    }
  }

  @Test
  void appendsToAnExistingFile() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    }
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    }

    assertThat(readBack(file)).extracting(n -> n.get("type").asText()).containsExactly("JOB_STARTED", "JOB_SUCCEEDED");
  }

  @Test
  void flushAndCloseAfterCloseDoNothing() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSink sink = AuditSinks.jsonLines(file);
    sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    sink.close();

    sink.flush();
    sink.close();

    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void recordAfterCloseThrowsNamingTheFile() {
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSink sink = AuditSinks.jsonLines(file);
    sink.close();
    AuditEvent event = AuditFixtures.jobEvent(AuditEventType.JOB_STARTED);

    assertThatThrownBy(() -> sink.record(event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aFileThatCannotBeOpenedIsNamed() {
    Path file = dir.resolve("no-such-dir").resolve("audit.jsonl");

    assertThatThrownBy(() -> AuditSinks.jsonLines(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());
  }
}
