package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.TableReport;
import java.io.PrintStream;
import java.util.Locale;

/** The per-table report printed at the end of a sync. */
final class Reports {
  private Reports() {}

  static void print(PrintStream out, SyncReport report) {
    out.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s %14s %10s%n",
        "table", "inserted", "updated", "deleted", "unchanged", "dead-lettered", "time");
    for (TableReport t : report.tables()) {
      out.printf(Locale.ROOT, "%-24s %10d %10d %10d %10d %14d %8.3f s%n", t.table(), t.inserted(), t.updated(),
          t.deleted(), t.unchanged(), t.deadLettered(), t.elapsed().toNanos() / 1e9);
    }
    out.printf(Locale.ROOT, "%s sync %s: %d tables, %d inserted, %d updated, %d deleted in %.3f s%n",
        report.mode().name().toLowerCase(Locale.ROOT), report.state(), report.tables().size(), report.inserted(),
        report.updated(), report.deleted(), report.elapsed().toNanos() / 1e9);
  }
}
