package io.terrafusion.sync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * The highest heap use seen while a case runs, sampled every two milliseconds. The memory pools' own
 * peaks cannot be summed: each pool peaks at another moment, and their sum can exceed the heap's
 * limit.
 */
final class HeapSampler implements Runnable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread = new Thread(this, "heap-sampler");
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {}

  static HeapSampler start() {
    HeapSampler sampler = new HeapSampler();
    sampler.thread.setDaemon(true);
    sampler.thread.start();
    return sampler;
  }

  @Override
  public void run() {
    while (running) {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      LockSupport.parkNanos(2_000_000);
    }
  }

  /** Stops sampling and returns the peak in bytes. */
  long stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
  }
}
