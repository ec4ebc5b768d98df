package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command lines rejected before any database is reached. */
class SyncCommandUsageTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "''|a command is required",
      "frobnicate --source s --target t|unknown command frobnicate",
      "full --target t|--source is required",
      "full --source s|--target is required",
      "full --source s --target t --fast|unknown option --fast for the full command",
      "validate --source s --target t --create-tables|unknown option --create-tables for the validate command",
      "full --source s --target t --batch-size ten|--batch-size must be a whole number but was ten",
      "full --source s --target t --batch-size 0|--batch-size must be between 1 and 100000 but was 0",
      "full --source s --target|--target needs a value",
      "full --source s --target t --tables a,,b|--tables must be table names separated by commas",
      "full --source s --target t --detector hashdiff|unknown option --detector for the full command",
      "incremental --source s --target t --detector watermark|--detector must be hashdiff, changelog or"
          + " watermark:COLUMN but was watermark",
      "incremental --source s --target t --detector watermark:|--detector must be hashdiff, changelog or"
          + " watermark:COLUMN but was watermark:",
      "incremental --source s --target t --detector triggers|--detector must be hashdiff, changelog or"
          + " watermark:COLUMN but was triggers",
      "incremental --source s --target t --create-tables|unknown option --create-tables for the incremental command"})
  void usageErrorExitsTwoSayingWhatIsWrong(String line, String message) {
    List<String> args = line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));

    int code = SyncCommand.run(args, Map.of(), print(out), print(err));

    assertThat(code).isEqualTo(SyncCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).contains("usage:");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
