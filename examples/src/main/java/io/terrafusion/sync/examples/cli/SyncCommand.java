package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncMode;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.Violation;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.SyncEngineBuilder;
import io.terrafusion.sync.core.detect.HashDiffDetector;
import io.terrafusion.sync.jdbc.ChangelogDetector;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcStateStore;
import io.terrafusion.sync.jdbc.JdbcStore;
import io.terrafusion.sync.jdbc.WatermarkDetector;
import io.terrafusion.sync.spi.ChangeDetector;
import io.terrafusion.sync.spi.StateStore;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sync} command line:
 *
 * <pre>
 * sync full        --source URL --target URL [--tables t1,t2] [--state URL] [--batch-size N] [--create-tables]
 * sync incremental --source URL --target URL [--tables ...] [--detector KIND] [--state URL] [--batch-size N]
 * sync validate    --source URL --target URL [--tables ...]
 * sync dead-letters list|retry --source URL --target URL [--tables ...] [--state URL] [--batch-size N]
 * sync audit verify (--file PATH | --audit URL [--chain NAME])
 * </pre>
 *
 * <p>URLs are JDBC URLs (PostgreSQL, MariaDB, H2 and SQLite drivers are on the runnable jar's class
 * path). A password may be part of the URL or come from {@code SYNC_SOURCE_PASSWORD}, {@code
 * SYNC_TARGET_PASSWORD} or {@code SYNC_STATE_PASSWORD}, which are then the connection password.
 * Passwords never appear in the output: every URL and message printed is redacted.
 *
 * <p>{@code incremental} moves only what changed since the last run, found by the detector KIND:
 * {@code hashdiff} (the default; compares segment checksums computed in both databases, needs nothing
 * at the source), {@code changelog} (reads the change table filled by triggers installed with {@link
 * io.terrafusion.sync.jdbc.Changelog}) or {@code watermark:COLUMN} (a timestamp or version column set by
 * every write; deletes are found by a hash-diff pass at most once an hour). Its checkpoints live in the
 * state store, as those of {@code full}.
 *
 * <p>{@code full} syncs the tables (every source table by default) and prints a report per table;
 * while it runs, a progress line goes to standard error every 5 seconds. {@code validate} runs the
 * engine's schema checks, then compares the rows of each table and prints the differences.
 * {@code incremental} is not available yet. The state of {@code full} (checkpoints, job history) is
 * kept in the database {@code --state} names, else in the target database, in tables named
 * {@code tfsync_*}.
 *
 * <p>{@code dead-letters list} prints the dead letters of the tables (every table by default): rows
 * set aside by a sync, each with its table, key, job, time and reason, never its values. {@code
 * dead-letters retry} tries them again once the cause is fixed (see {@link SyncEngine#retryDeadLetters})
 * and prints what became of them; it exits 1 when some are still refused.
 *
 * <p>{@code audit verify} checks a tamper-evident audit chain: a JSON Lines audit file with its
 * rotated files, or the JDBC audit table at a URL (password from {@code SYNC_AUDIT_PASSWORD}), and
 * prints whether it is whole or which record is the first altered, missing or reordered one.
 *
 * <p>Exit codes: 0 success (for {@code audit verify}: the chain is whole); 1 the sync failed, or
 * validation found violations or differences, or the audit chain is broken; 2 a
 * usage error (unknown command or option, missing --source or --target, bad number, unknown table,
 * a database that cannot be reached), with a message saying what is wrong.
 */
public final class SyncCommand {
  /** Success. */
  public static final int OK = 0;
  /** A sync failed, or validation found violations or differences. */
  public static final int FAILED = 1;
  /** The command line was wrong, or a database could not be used. */
  public static final int USAGE = 2;

  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
  /** How often the watermark detector looks for deletes through a hash-diff pass. */
  private static final Duration WATERMARK_RECONCILE_EVERY = Duration.ofHours(1);

  private SyncCommand() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /**
   * Runs a command line without exiting: results go to {@code out}, progress and errors to {@code
   * err}. Thread-safe as far as the streams are.
   *
   * @param args the arguments, the command first
   * @param env the environment, for the password variables
   * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, PROGRESS_INTERVAL);
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Duration progressInterval) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Redactor redactor = Redactor.of(passwords(env), args);
    try {
      if (!args.isEmpty() && args.get(0).equals("audit")) {
        return AuditCommand.run(args.subList(1, args.size()), env, out, err, redactor);
      }
      Options options = Options.parse(args);
      DataSource targetData = dataSource("target", options.target(), env.get("SYNC_TARGET_PASSWORD"), redactor);
      JdbcStore source = connect("source", dataSource("source", options.source(), env.get("SYNC_SOURCE_PASSWORD"), redactor),
          options.source(), redactor);
      JdbcStore target = connect("target", targetData, options.target(), redactor);
      List<TableId> tables = resolve(source, options.tables());
      SyncEngineBuilder builder = SyncEngine.builder().source(source).target(target).batchSize(options.batchSize())
          .createMissingTables(options.createTables());
      if (!options.command().equals("validate")) {
        builder.stateStore(stateStore(options, targetData, env, redactor));
      }
      if (options.command().equals("incremental")) {
        builder.incrementalDetector(detector(options));
      }
      try (SyncEngine engine = builder.build()) {
        return switch (options.command()) {
          case "full" -> sync(engine, SyncMode.FULL, tables, out, err, progressInterval, redactor);
          case "incremental" -> sync(engine, SyncMode.INCREMENTAL, tables, out, err, progressInterval, redactor);
          case DeadLetterCommands.COMMAND -> new DeadLetterCommands(engine, out, err, redactor)
              .run(Objects.requireNonNull(options.action(), "action"), options.tables().isEmpty() ? List.of() : tables);
          default -> validate(engine, source, target, tables, out, redactor);
        };
      }
    } catch (UsageException e) {
      err.println("sync: " + redactor.redact(String.valueOf(e.getMessage())));
      err.println(Options.USAGE);
      return USAGE;
    } catch (RuntimeException e) {
      err.println("sync: failed: " + redactor.redact(reason(e)));
      return FAILED;
    }
  }

  private static ChangeDetector detector(Options options) {
    return switch (options.detector()) {
      case "changelog" -> ChangelogDetector.create();
      case "watermark" -> WatermarkDetector.builder()
          .changeColumn(Objects.requireNonNull(options.watermarkColumn(), "watermarkColumn"))
          .reconciler(HashDiffDetector.create(), WATERMARK_RECONCILE_EVERY)
          .build();
      default -> HashDiffDetector.create();
    };
  }

  private static int sync(SyncEngine engine, SyncMode mode, List<TableId> tables, PrintStream out, PrintStream err,
      Duration progressInterval, Redactor redactor) {
    SyncReport report = new Progress(err, progressInterval, tables.size())
        .await(engine.start(new SyncRequest(mode, tables, "cli")));
    Reports.print(out, report);
    if (report.state() != JobState.SUCCEEDED) {
      err.println("sync: the " + mode.name().toLowerCase(Locale.ROOT) + " sync ended " + report.state()
          + (report.failure() == null ? "" : ": " + redactor.redact(report.failure())));
      return FAILED;
    }
    return OK;
  }

  private static int validate(SyncEngine engine, JdbcStore source, JdbcStore target, List<TableId> tables,
      PrintStream out, Redactor redactor) {
    List<Violation> violations = engine.validate(new SyncRequest(SyncMode.FULL, tables, "cli")).violations();
    Set<TableId> broken = new HashSet<>();
    for (Violation violation : violations) {
      broken.add(violation.table());
      out.println("schema: " + redactor.redact(violation.toString()));
    }
    int differing = 0;
    for (TableId table : tables) {
      if (broken.contains(table)) {
        out.println(table + ": not compared, its schema does not fit");
        continue;
      }
      List<String> differences = SyncAssertions.differences(source, table, target, table);
      if (differences.isEmpty()) {
        out.println(table + ": same rows");
      } else {
        differing++;
        out.println(table + ": differs");
        differences.forEach(d -> out.println("  " + redactor.redact(d)));
      }
    }
    boolean valid = violations.isEmpty() && differing == 0;
    out.printf(Locale.ROOT, "validate: %s, %d schema violations, %d of %d tables differ%n",
        valid ? "source and target match" : "source and target DIFFER", violations.size(), differing, tables.size());
    return valid ? OK : FAILED;
  }

  private static DataSource dataSource(String side, String url, @Nullable String password, Redactor redactor)
      throws UsageException {
    try {
      return new DriverManagerDataSource(url, password);
    } catch (IllegalArgumentException e) {
      throw new UsageException("the " + side + " URL " + redactor.redact(url) + " is not a JDBC URL");
    }
  }

  private static JdbcStore connect(String side, DataSource dataSource, String url, Redactor redactor)
      throws UsageException {
    try {
      return JdbcStore.of(dataSource);
    } catch (RuntimeException e) {
      throw new UsageException("cannot connect to the " + side + " " + redactor.redact(url) + ": " + redactor.redact(reason(e)));
    }
  }

  /**
   * The state store: in the database {@code --state} names, else in the target database (tables named
   * {@code tfsync_*}), so that an interrupted full sync resumes from its last applied batch.
   */
  private static StateStore stateStore(Options options, DataSource targetData, Map<String, String> env,
      Redactor redactor) throws UsageException {
    String url = options.state() == null ? options.target() : options.state();
    DataSource data = options.state() == null
        ? targetData
        : dataSource("state store", options.state(), env.get("SYNC_STATE_PASSWORD"), redactor);
    try {
      return JdbcStateStore.create(data);
    } catch (RuntimeException e) {
      throw new UsageException("cannot use the state store at " + redactor.redact(url) + ": " + redactor.redact(reason(e)));
    }
  }

  /** The source tables asked for, matched exactly or else by a unique case-insensitive name; all by default. */
  private static List<TableId> resolve(JdbcStore source, List<String> names) throws UsageException {
    List<TableId> all = source.tables();
    if (all.isEmpty()) {
      // Syncing "every table" of a source that shows none is nearly always a wrong database or schema
      // in the URL; succeeding with nothing done would hide it.
      throw new UsageException("the source " + source.name() + " has no tables with a primary key;"
          + " check the database or schema the URL names");
    }
    if (names.isEmpty()) {
      return all;
    }
    List<TableId> chosen = new ArrayList<>();
    for (String name : names) {
      List<TableId> exact = all.stream().filter(t -> t.toString().equals(name)).toList();
      List<TableId> loose = all.stream().filter(t -> t.toString().equalsIgnoreCase(name)).toList();
      List<TableId> match = exact.isEmpty() ? loose : exact;
      if (match.size() != 1) {
        throw new UsageException("unknown table " + name + ": the source " + source.name() + " has "
            + (all.isEmpty() ? "no tables with a primary key"
                : "the tables " + all.stream().map(TableId::toString).collect(Collectors.joining(", "))));
      }
      if (chosen.contains(match.get(0))) {
        throw new UsageException("--tables names " + name + " twice");
      }
      chosen.add(match.get(0));
    }
    return chosen;
  }

  private static List<String> passwords(Map<String, String> env) {
    return Stream.of("SYNC_SOURCE_PASSWORD", "SYNC_TARGET_PASSWORD", "SYNC_STATE_PASSWORD", "SYNC_AUDIT_PASSWORD")
        .map(env::get).filter(Objects::nonNull).toList();
  }

  /** The exception's message, with its root cause's when that says more (a driver's reason). */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e || root.getMessage() == null || message.contains(root.getMessage())
        ? message : message + " (" + root.getMessage() + ")";
  }
}
