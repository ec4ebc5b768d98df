package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterCommandsTest {
  @TempDir Path directory;

  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String source;
  private String target;

  @BeforeEach
  void databases() {
    source = H2Files.url(directory, "source");
    target = H2Files.url(directory, "target");
    H2Files.execute(source, "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(200))",
        "INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'a name far too long for ten'), (4, 'four')");
    H2Files.execute(target, "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(10))");
  }

  private int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    return SyncCommand.run(Arrays.asList(args), Map.of(), print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listShowsTheRowsSetAsideAndRetryAppliesThemOnceTheCauseIsFixed() {
    assertThat(run("full", "--source", source, "--target", target)).isZero();

    assertThat(run("dead-letters", "list", "--source", source, "--target", target)).isZero();
    assertThat(out()).contains("items (3)", "length", "dead-letters: 1").doesNotContain("far too long");

    assertThat(run("dead-letters", "retry", "--source", source, "--target", target, "--tables", "items")).isOne();
    assertThat(out()).contains("items: retried 1, applied 0, still failing 1");

    H2Files.execute(target, "ALTER TABLE items ALTER COLUMN name SET DATA TYPE VARCHAR(200)");
    assertThat(run("dead-letters", "retry", "--source", source, "--target", target)).isZero();
    assertThat(out()).contains("every table: retried 1, applied 1, still failing 0");

    assertThat(run("dead-letters", "list", "--source", source, "--target", target)).isZero();
    assertThat(out()).contains("dead-letters: 0");
    JdbcStore store = H2Files.store(target);
    assertThat(store.fetch(store.table(TableId.of("items")).orElseThrow(), List.of(RowKey.of(3L)))).hasSize(1);
  }

  @Test
  void deadLettersWithoutAnActionIsAUsageError() {
    assertThat(run("dead-letters", "--source", source, "--target", target)).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("dead-letters needs an action, list or retry");
  }
}
