package io.terrafusion.sync.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.core.audit.AuditVerification.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesChainTest {
  @TempDir
  Path dir;

  @Test
  void linesFormAChainThatGoesOnAfterReopening() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
      sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_UPDATED, 42));
    }
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("{\"sequence\":3,\"previousHash\":\"");
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.valid()).isTrue();
    assertThat(result.checked()).isEqualTo(3);
  }

  @Test
  void rotationBySizeKeepsOneChainAcrossFiles() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file, 2_000)) {
      for (int i = 0; i < 20; i++) {
        sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, i));
      }
    }
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file, 2_000)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    }
    List<Path> files = JsonLinesAuditSink.chainFiles(file);
    assertThat(files.size()).isGreaterThan(5);
    for (Path part : files.subList(0, files.size() - 1)) {
      assertThat(Files.size(part)).isLessThanOrEqualTo(2_000);
    }
    long lines = 0;
    for (Path part : files) {
      lines += Files.readAllLines(part).size();
    }
    assertThat(lines).isEqualTo(21);
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.valid()).as("%s", result).isTrue();
    assertThat(result.checked()).isEqualTo(21);
  }

  @Test
  void deletingARotatedFileIsReportedAsMissingRecords() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file, 2_000)) {
      for (int i = 0; i < 20; i++) {
        sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, i));
      }
    }
    Files.delete(JsonLinesAuditSink.chainFiles(file).get(1));
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING);
  }

  @Test
  void editingALineInTheFileIsReportedWithItsSequence() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      for (int i = 0; i < 5; i++) {
        sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, i));
      }
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(3, lines.get(3).replace("\"amount\":13.00", "\"amount\":1300.00"));
    Files.write(file, lines);
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.ALTERED);
    assertThat(result.firstBreak().sequence()).isEqualTo(4);
  }

  @Test
  void aLineThatIsNotARecordIsReportedAsAlteredNamingTheLine() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    }
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.firstBreak().kind()).isEqualTo(Kind.ALTERED);
    assertThat(result.firstBreak().sequence()).isEqualTo(2);
    assertThat(result.firstBreak().message()).contains("line 2 of " + file);
  }

  @Test
  void anIncompleteLastLineFromACrashIsCutOffAndTheChainGoesOn() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_STARTED));
    }
    Files.write(file, "{\"sequence\":2,\"previousHash\":\"ab".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    }
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(AuditVerifier.verifyJsonLines(file).valid()).isTrue();
  }

  @Test
  void anEmptyCurrentFileAfterARotationGoesOnFromTheLatestRotatedFile() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      for (int i = 0; i < 3; i++) {
        sink.record(AuditFixtures.rowEvent(AuditEventType.ROW_INSERTED, i));
      }
    }
    Files.move(file, dir.resolve("audit.jsonl.4"));
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file, 10)) {
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
      sink.record(AuditFixtures.jobEvent(AuditEventType.JOB_SUCCEEDED));
    }
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl.5"))).hasSize(1);
    assertThat(Files.readAllLines(file).get(0)).startsWith("{\"sequence\":5,");
    AuditVerification result = AuditVerifier.verifyJsonLines(file);
    assertThat(result.valid()).as("%s", result).isTrue();
    assertThat(result.checked()).isEqualTo(5);
  }
}
