package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.ChainedAuditSink;
import io.terrafusion.sync.core.audit.JsonLinesAuditSink;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import io.terrafusion.sync.spi.AuditSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync audit verify}: 0 for a whole chain, 1 naming the first broken record, 2 for a wrong command line. */
class AuditCommandTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SyncCommand.run(List.of(args), Map.of(), print(out), print(err));
  }

  private static void fill(AuditSink sink) {
    for (int i = 0; i < 5; i++) {
      sink.record(AuditEvent.ofJob("job-" + i, AT, AuditEventType.JOB_STARTED, Map.of("initiator", "cli-test")));
    }
  }

  @Test
  void aWholeFileChainExitsZeroAndAnEditedOneExitsOneNamingTheRecord() throws IOException {
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = AuditSinks.jsonLines(file)) {
      fill(sink);
    }
    assertThat(run("audit", "verify", "--file", file.toString())).isEqualTo(SyncCommand.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("is whole: 5 records");

    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(2);
    Files.write(file, lines);
    out.reset();
    assertThat(run("audit", "verify", "--file", file.toString())).isEqualTo(SyncCommand.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at record 3 (missing)");
  }

  @Test
  void aJdbcChainIsVerifiedByUrl() {
    String url = H2Files.url(dir, "audit");
    try (ChainedAuditSink sink = AuditSinks.chained(JdbcAuditStore.create(new DriverManagerDataSource(url)))) {
      fill(sink);
    }
    assertThat(run("audit", "verify", "--audit", url)).isEqualTo(SyncCommand.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("is whole: 5 records");

    H2Files.execute(url, "UPDATE tfsync_audit_records SET body = REPLACE(body, 'cli-test', 'someone') WHERE seq = 4");
    out.reset();
    assertThat(run("audit", "verify", "--audit", url)).isEqualTo(SyncCommand.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at record 4 (altered)");
  }

  @Test
  void wrongCommandLinesExitTwoSayingWhatIsWrong() {
    assertThat(run("audit")).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs a subcommand: verify").contains("usage:");
    assertThat(run("audit", "verify")).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("exactly one of --file and --audit");
    assertThat(run("audit", "verify", "--file", dir.resolve("none.jsonl").toString())).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no audit file");
    assertThat(run("audit", "verify", "--file")).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--file needs a value");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
