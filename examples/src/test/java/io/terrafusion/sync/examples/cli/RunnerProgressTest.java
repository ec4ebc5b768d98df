package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's progress line on a run longer than its interval, here made tiny. */
class RunnerProgressTest {
  private static final String PASSWORD = "pr0gress-s3cret";

  @TempDir Path directory;

  @Test
  void longRunPrintsProgressLinesWithRowsAndNoPassword() {
    String source = H2Files.url(directory, "source");
    String target = H2Files.url(directory, "target");
    H2Files.county(source, 60);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = SyncCommand.run(List.of("full", "--source", source, "--target", target + ";PASSWORD=" + PASSWORD,
            "--batch-size", "5", "--create-tables"), Map.of("SYNC_TARGET_PASSWORD", PASSWORD),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Duration.ofMillis(10));

    assertThat(code).isZero();
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("progress: "));
    assertThat(lines).anySatisfy(line -> assertThat(line).containsPattern("\\d+/4 tables done, [\\d,]+ rows read"));
    assertThat(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
  }
}
