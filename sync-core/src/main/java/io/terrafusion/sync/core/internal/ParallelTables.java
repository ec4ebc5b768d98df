package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSyncException;
import io.terrafusion.sync.core.internal.TableSchedule.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs a job's steps, up to a limit at once, each once the steps it waits for have ended. With a
 * limit of one, the steps run on the calling thread in list order; above, on a pool of the job's own
 * that lives as long as the run, while the calling thread hands out the steps. Among the steps ready,
 * the earliest in the list goes first, so the order is the plan's wherever the foreign keys allow.
 *
 * <p>The first step that fails stops the others at their next batch boundary (through the {@link
 * StoppingControl}); the run waits for them and then throws that failure, naming its table. A
 * cancelled job starts no further step. Used by one thread: the job's.
 */
final class ParallelTables {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int parallelism;
  private final StoppingControl control;

  ParallelTables(int parallelism, StoppingControl control) {
    this.parallelism = parallelism;
    this.control = control;
  }

  /**
   * Runs the steps.
   *
   * @param body runs one step; false when it stopped early because the job was stopped
   * @return false if the job was stopped before every step ended
   * @throws RuntimeException the first step's failure, naming its table
   */
  boolean run(List<Step> steps, Predicate<Step> body) {
    if (parallelism == 1 || steps.size() <= 1) {
      for (Step step : steps) {
        if (!runNamed(step, body)) {
          return false;
        }
      }
      return true;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, steps.size()), threads());
    try {
      return new Round(steps, body, pool).run();
    } finally {
      pool.shutdown();
    }
  }

  private static boolean runNamed(Step step, Predicate<Step> body) {
    try {
      return body.test(step);
    } catch (RuntimeException e) {
      throw named(step.table().sourceId(), e);
    }
  }

  /** The failure as it is when its message names the table, else wrapped in one that does. */
  private static RuntimeException named(TableId table, RuntimeException e) {
    String message = e.getMessage();
    if (message != null && Pattern.compile("(?<![\\w.])" + Pattern.quote(table.toString()) + "(?!\\w)")
        .matcher(message).find()) {
      return e;
    }
    return new TableSyncException("table " + table + " failed: " + (message == null ? e.getClass().getName() : message),
        table, e);
  }

  private static ThreadFactory threads() {
    return task -> {
      Thread thread = new Thread(task, "terrafusion-sync-table-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The end of one step on a pool thread: whether it completed, or what it threw. */
  private record Ended(int index, boolean completed, @Nullable Throwable error) {}

  /** One run's bookkeeping, kept on the calling thread; pool threads only report through the queue. */
  private final class Round {
    private final List<Step> steps;
    private final Predicate<Step> body;
    private final ExecutorService pool;
    private final BlockingQueue<Ended> ended = new LinkedBlockingQueue<>();
    private final int[] waitingFor;
    private final List<List<Integer>> dependents = new ArrayList<>();
    private final TreeSet<Integer> ready = new TreeSet<>();
    private int running;
    private boolean stopped;
    private @Nullable Throwable failure;

    Round(List<Step> steps, Predicate<Step> body, ExecutorService pool) {
      this.steps = steps;
      this.body = body;
      this.pool = pool;
      this.waitingFor = new int[steps.size()];
      steps.forEach(s -> dependents.add(new ArrayList<>()));
      for (int i = 0; i < steps.size(); i++) {
        waitingFor[i] = steps.get(i).after().size();
        for (int before : steps.get(i).after()) {
          dependents.get(before).add(i);
        }
        if (waitingFor[i] == 0) {
          ready.add(i);
        }
      }
    }

    boolean run() {
      boolean interrupted = false;
      while (true) {
        startReady();
        if (running == 0) {
          break;
        }
        try {
          record(ended.take());
        } catch (InterruptedException e) {
          // the steps running must end before the job does, or they would write after it ended
          interrupted = true;
          control.stop();
          stopped = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return !stopped && ready.isEmpty();
    }

    private void startReady() {
      while (!stopped && failure == null && running < parallelism && !ready.isEmpty()) {
        if (control.cancelRequested()) {
          stopped = true;
          return;
        }
        int index = ready.pollFirst();
        running++;
        pool.execute(() -> ended.add(attempt(index)));
      }
    }

    private Ended attempt(int index) {
      try {
        return new Ended(index, body.test(steps.get(index)), null);
      } catch (RuntimeException | Error e) {
        return new Ended(index, false, e);
      }
    }

    private void record(Ended end) {
      running--;
      Throwable error = end.error();
      if (error != null) {
        if (failure == null) {
          failure = error instanceof RuntimeException e ? named(steps.get(end.index()).table().sourceId(), e) : error;
          control.stop();
        } else {
          failure.addSuppressed(error);
        }
      } else if (!end.completed()) {
        stopped = true;
      } else {
        for (int next : dependents.get(end.index())) {
          if (--waitingFor[next] == 0) {
            ready.add(next);
          }
        }
      }
    }
  }
}
