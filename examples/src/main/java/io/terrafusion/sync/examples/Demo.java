package io.terrafusion.sync.examples;

import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableReport;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo: builds an H2 source holding the sample county project, syncs it to an empty H2 target,
 * then inserts, updates and deletes rows at the source and syncs again. Prints per-table counts and
 * the time taken, and exits 0 only if source and target end equal.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am package -Pdemo -DskipTests}; pass a number of
 * parcels with {@code -Ddemo.parcels=5000}.
 */
public final class Demo {
  private static final int DEFAULT_PARCELS = 2_000;

  private Demo() {}

  /** Runs the demo; the optional argument is the number of parcels. */
  public static void main(String[] args) {
    int parcels = DEFAULT_PARCELS;
    if (args.length > 0) {
      try {
        parcels = Integer.parseInt(args[0]);
      } catch (NumberFormatException e) {
        System.err.println("usage: Demo [parcels]: parcels must be a whole number but was " + args[0]);
        System.exit(2);
      }
    }
    if (!run(System.out, parcels).equal()) {
      System.exit(1);
    }
  }

  /**
   * What the demo did.
   *
   * @param initial the report of the first sync
   * @param mutation what was changed at the source
   * @param second the report of the second sync
   * @param differences the differences left between source and target, none when equal
   */
  public record Outcome(SyncReport initial, CountyProject.Mutation mutation, SyncReport second, List<String> differences) {
    /** Whether source and target ended equal. */
    public boolean equal() {
      return differences.isEmpty();
    }
  }

  /**
   * Runs the demo, printing to {@code out}.
   *
   * @throws IllegalArgumentException if {@code parcels < 1}
   */
  public static Outcome run(PrintStream out, int parcels) {
    try (EmbeddedDatabase source = EmbeddedDatabase.h2();
        EmbeddedDatabase target = EmbeddedDatabase.h2()) {
      CountyProject.createSchema(source);
      CountyProject.createSchema(target);
      CountyProject.generate(source.store(), parcels, 42);
      out.printf(Locale.ROOT, "TerraFusion Sync demo: %,d parcels, %s -> %s%n", parcels, source.label(), target.label());

      SyncReport initial;
      CountyProject.Mutation day;
      SyncReport second;
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).build()) {
        initial = engine.run(SyncRequest.full().initiatedBy("demo"));
        print(out, "Initial full sync into an empty target", initial);

        day = CountyProject.mutate(source.store(), 7);
        out.printf(Locale.ROOT, "%nSource changed: %d rows inserted, %d updated, %d deleted%n",
            day.inserted(), day.updated(), day.deleted());
        second = engine.run(SyncRequest.full().initiatedBy("demo"));
        print(out, "Second full sync", second);
      }

      List<String> differences = new ArrayList<>();
      for (TableId table : CountyProject.tables()) {
        differences.addAll(SyncAssertions.differences(source.store(), table, target.store(), table));
      }
      if (differences.isEmpty()) {
        out.println("\nSource and target hold the same rows.");
      } else {
        out.println("\nSource and target DIFFER:");
        differences.forEach(d -> out.println("  " + d));
      }
      return new Outcome(initial, day, second, differences);
    }
  }

  private static void print(PrintStream out, String title, SyncReport report) {
    out.printf(Locale.ROOT, "%n%s: %s in %.3f s%n", title, report.state(), report.elapsed().toNanos() / 1e9);
    out.printf(Locale.ROOT, "  %-12s %9s %9s %9s %10s%n", "table", "inserted", "updated", "deleted", "unchanged");
    for (TableId id : CountyProject.tables()) {
      TableReport t = report.table(id).orElseThrow(() -> new IllegalStateException("the sync did not report table " + id));
      out.printf(Locale.ROOT, "  %-12s %9d %9d %9d %10d%n", t.table().name(), t.inserted(), t.updated(), t.deleted(), t.unchanged());
    }
  }
}
