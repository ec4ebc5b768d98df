package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.api.DeadLetter;
import io.terrafusion.sync.api.DeadLetterRetryReport;
import io.terrafusion.sync.api.JobFailedException;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code sync dead-letters list} and {@code sync dead-letters retry}: the rows a sync set aside, and
 * trying them again. Without the CLI's own transformer, source and target tables share their names,
 * so the tables named on the command line are the target tables of the letters.
 */
final class DeadLetterCommands {
  static final String COMMAND = "dead-letters";
  private static final int PAGE = 100;

  private final SyncEngine engine;
  private final PrintStream out;
  private final PrintStream err;
  private final Redactor redactor;

  DeadLetterCommands(SyncEngine engine, PrintStream out, PrintStream err, Redactor redactor) {
    this.engine = engine;
    this.out = out;
    this.err = err;
    this.redactor = redactor;
  }

  /** The action after {@code dead-letters}: {@code list} or {@code retry}. */
  static String action(List<String> args) throws UsageException {
    String action = args.size() < 2 ? null : args.get(1);
    if (!"list".equals(action) && !"retry".equals(action)) {
      throw new UsageException("dead-letters needs an action, list or retry, but was "
          + (action == null ? "given none" : "followed by " + action));
    }
    return action;
  }

  /**
   * Lists or retries the dead letters of the tables, or of every table when none are given.
   *
   * @return the exit code
   */
  int run(String action, List<TableId> tables) {
    List<@Nullable TableId> chosen = new ArrayList<>(tables);
    if (chosen.isEmpty()) {
      chosen.add(null);
    }
    return action.equals("list") ? list(chosen) : retry(chosen);
  }

  private int list(List<@Nullable TableId> tables) {
    long count = 0;
    for (TableId table : tables) {
      List<DeadLetter> page;
      int offset = 0;
      do {
        page = engine.deadLetters(table, offset, PAGE);
        for (DeadLetter letter : page) {
          out.printf(Locale.ROOT, "%s %s job %s at %s: %s%n", letter.table(), letter.key(), letter.jobId(), letter.at(),
              redactor.redact(letter.reason()));
        }
        offset += page.size();
      } while (page.size() == PAGE);
      count += offset;
    }
    out.printf(Locale.ROOT, "dead-letters: %d%n", count);
    return SyncCommand.OK;
  }

  private int retry(List<@Nullable TableId> tables) {
    long stillFailing = 0;
    for (TableId table : tables) {
      DeadLetterRetryReport report;
      try {
        report = engine.retryDeadLetters(table);
      } catch (JobFailedException e) {
        err.println("sync: the retry of dead letters" + (table == null ? "" : " of " + table) + " ended "
            + e.report().state() + (e.report().failure() == null ? "" : ": " + redactor.redact(e.report().failure())));
        return SyncCommand.FAILED;
      }
      out.printf(Locale.ROOT, "%s: retried %d, applied %d, still failing %d%n", table == null ? "every table" : table,
          report.retried(), report.applied(), report.stillFailing());
      stillFailing += report.stillFailing();
    }
    return stillFailing == 0 ? SyncCommand.OK : SyncCommand.FAILED;
  }
}
