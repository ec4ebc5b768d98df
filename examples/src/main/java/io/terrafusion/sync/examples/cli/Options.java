package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.core.SyncEngineBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed command line: the command and its options. Parsing checks only the form (known command,
 * known options, values present, numbers in range); whether tables and databases exist is checked
 * later.
 *
 * @param command {@code full}, {@code incremental}, {@code validate} or {@code dead-letters}
 * @param source the source JDBC URL
 * @param target the target JDBC URL
 * @param tables the table names asked for; empty means every source table
 * @param state the state-store URL, or null
 * @param batchSize the batch size
 * @param createTables whether missing target tables are created
 * @param detector the incremental detector: {@code hashdiff} (the default), {@code changelog} or
 *     {@code watermark}
 * @param watermarkColumn the change column of the watermark detector, or null for other detectors
 * @param action what {@code dead-letters} does: {@code list} or {@code retry}; null for other commands
 */
record Options(String command, String source, String target, List<String> tables, @Nullable String state,
    int batchSize, boolean createTables, String detector, @Nullable String watermarkColumn, @Nullable String action) {

  static final String USAGE = String.join("\n",
      "usage:",
      "  sync full        --source URL --target URL [--tables t1,t2] [--state URL] [--batch-size N] [--create-tables]",
      "  sync incremental --source URL --target URL [--tables t1,t2] [--detector KIND] [--state URL] [--batch-size N]",
      "KIND is hashdiff (the default: needs nothing at the source), changelog (triggers installed at the source)",
      "or watermark:COLUMN (a timestamp or version column that every insert and update sets).",
      "  sync validate    --source URL --target URL [--tables t1,t2]",
      "  sync dead-letters list|retry --source URL --target URL [--tables t1,t2] [--state URL] [--batch-size N]",
      AuditCommand.USAGE,
      "URLs are JDBC URLs; passwords may come from SYNC_SOURCE_PASSWORD, SYNC_TARGET_PASSWORD, SYNC_STATE_PASSWORD"
          + " and SYNC_AUDIT_PASSWORD.");

  private static final Set<String> COMMANDS = Set.of("full", "incremental", "validate", DeadLetterCommands.COMMAND);

  Options {
    tables = List.copyOf(tables);
  }

  /**
   * Parses the arguments.
   *
   * @throws UsageException naming what is wrong: no or an unknown command, an unknown option or one
   *     the command does not take, a missing value, a bad number, a missing --source or --target
   */
  static Options parse(List<String> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("a command is required: full, incremental, validate or dead-letters");
    }
    String command = args.get(0);
    if (!COMMANDS.contains(command)) {
      throw new UsageException("unknown command " + command
          + "; the commands are full, incremental, validate and dead-letters");
    }
    String action = command.equals(DeadLetterCommands.COMMAND) ? DeadLetterCommands.action(args) : null;
    String source = null;
    String target = null;
    List<String> tables = new ArrayList<>();
    String state = null;
    int batchSize = SyncEngineBuilder.DEFAULT_BATCH_SIZE;
    boolean createTables = false;
    String detector = "hashdiff";
    String watermarkColumn = null;
    Iterator<String> it = args.subList(action == null ? 1 : 2, args.size()).iterator();
    while (it.hasNext()) {
      String option = it.next();
      allowed(command, option);
      switch (option) {
        case "--source" -> source = value(option, it);
        case "--target" -> target = value(option, it);
        case "--tables" -> tables = tableNames(value(option, it));
        case "--state" -> state = value(option, it);
        case "--batch-size" -> batchSize = batchSize(value(option, it));
        case "--create-tables" -> createTables = true;
        case "--detector" -> {
          String kind = value(option, it);
          if (kind.startsWith("watermark:") && !kind.substring("watermark:".length()).isBlank()) {
            detector = "watermark";
            watermarkColumn = kind.substring("watermark:".length());
          } else if (kind.equals("hashdiff") || kind.equals("changelog")) {
            detector = kind;
            watermarkColumn = null;
          } else {
            throw new UsageException("--detector must be hashdiff, changelog or watermark:COLUMN but was " + kind);
          }
        }
        default -> throw new IllegalStateException("option " + option + " passed the check but has no case");
      }
    }
    if (source == null) {
      throw new UsageException("--source is required: the JDBC URL of the database to read");
    }
    if (target == null) {
      throw new UsageException("--target is required: the JDBC URL of the database to write");
    }
    return new Options(command, source, target, tables, state, batchSize, createTables, detector, watermarkColumn,
        action);
  }

  private static void allowed(String command, String option) throws UsageException {
    Set<String> options = switch (command) {
      case "full" -> Set.of("--source", "--target", "--tables", "--state", "--batch-size", "--create-tables");
      case "incremental" -> Set.of("--source", "--target", "--tables", "--detector", "--state", "--batch-size");
      case DeadLetterCommands.COMMAND -> Set.of("--source", "--target", "--tables", "--state", "--batch-size");
      default -> Set.of("--source", "--target", "--tables");
    };
    if (!options.contains(option)) {
      throw new UsageException("unknown option " + option + " for the " + command + " command");
    }
  }

  private static String value(String option, Iterator<String> it) throws UsageException {
    if (!it.hasNext()) {
      throw new UsageException(option + " needs a value");
    }
    String value = it.next();
    if (value.isBlank() || value.startsWith("--")) {
      throw new UsageException(option + " needs a value but was followed by " + (value.isBlank() ? "a blank" : value));
    }
    return value;
  }

  private static List<String> tableNames(String list) throws UsageException {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",", -1)) {
      if (name.isBlank()) {
        throw new UsageException("--tables must be table names separated by commas but was " + list);
      }
      names.add(name.trim());
    }
    return names;
  }

  private static int batchSize(String text) throws UsageException {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--batch-size must be a whole number but was " + text);
    }
    if (value < 1 || value > SyncEngineBuilder.MAX_BATCH_SIZE) {
      throw new UsageException("--batch-size must be between 1 and " + SyncEngineBuilder.MAX_BATCH_SIZE + " but was " + value);
    }
    return value;
  }
}
