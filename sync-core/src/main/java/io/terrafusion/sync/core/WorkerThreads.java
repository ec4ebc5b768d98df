package io.terrafusion.sync.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The small daemon pool an engine owns when it was given no executor. */
final class WorkerThreads {
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private WorkerThreads() {}

  static ExecutorService newPool() {
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, "terrafusion-sync-" + NEXT.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
    return Executors.newFixedThreadPool(threads, factory);
  }
}
