package io.terrafusion.sync.core.http;

import io.terrafusion.sync.api.CircuitBreakerStatus;
import io.terrafusion.sync.api.JobStatus;
import io.terrafusion.sync.core.SyncEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}. Each store is probed on the
 * probe executor and waited for at most the timeout, so a hung database makes the answer DOWN, not
 * late.
 */
final class HealthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

  private final SyncEngine engine;
  private final Responses responses;
  private final Executor executor;
  private final Duration timeout;

  HealthRoutes(SyncEngine engine, Responses responses, Executor executor, Duration timeout) {
    this.engine = engine;
    this.responses = responses;
    this.executor = executor;
    this.timeout = timeout;
  }

  HttpResponse live() {
    return responses.json(200, Map.of(), Map.of("status", "UP"));
  }

  /**
   * 200 UP when the source, target and state store each answered within the timeout and no circuit
   * breaker of the engine is open, else 503 DOWN; the last recorded job's outcome is reported
   * alongside and does not change the status.
   */
  HttpResponse health() {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<?> source = probe(() -> engine.source().tables());
    CompletableFuture<?> target = probe(() -> engine.target().tables());
    CompletableFuture<List<JobStatus>> state = probe(() -> engine.stateStore().jobs(0, 1));
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("source", component(engine.source().name(), source, deadline));
    components.put("target", component(engine.target().name(), target, deadline));
    components.put("stateStore", component(null, state, deadline));
    components.put("circuitBreakers", circuitBreakers());
    boolean up = components.values().stream().allMatch(c -> "UP".equals(((Map<?, ?>) c).get("status")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("components", components);
    body.put("lastJob", lastJob(state));
    return responses.json(up ? 200 : 503, Map.of(), body);
  }

  private <T> CompletableFuture<T> probe(Supplier<T> call) {
    try {
      return CompletableFuture.supplyAsync(call, executor);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Map<String, Object> component(@Nullable String name, CompletableFuture<?> probe, long deadline) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (name != null) {
      view.put("name", name);
    }
    try {
      probe.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
      view.put("status", "UP");
    } catch (TimeoutException e) {
      probe.cancel(true);
      view.put("status", "DOWN");
      view.put("detail", "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      LOG.warn("health probe of {} failed", name == null ? "the state store" : name, e.getCause());
      view.put("status", "DOWN");
      view.put("detail", "unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      view.put("status", "DOWN");
      view.put("detail", "the health check was interrupted");
    }
    return view;
  }

  private static @Nullable Map<String, @Nullable Object> lastJob(CompletableFuture<List<JobStatus>> state) {
    List<JobStatus> last = state.isDone() && !state.isCompletedExceptionally() && !state.isCancelled()
        ? state.join() : List.of();
    if (last.isEmpty()) {
      return null;
    }
    Map<String, @Nullable Object> view = new LinkedHashMap<>();
    view.put("jobId", last.get(0).jobId());
    view.put("state", last.get(0).state().name());
    view.put("finished", last.get(0).finished() == null ? null : last.get(0).finished().toString());
    return view;
  }

  /** DOWN while a breaker is open: jobs would fail fast on its store. A half-open breaker lets trials through. */
  private Map<String, Object> circuitBreakers() {
    List<CircuitBreakerStatus> breakers = engine.circuitBreakers();
    List<String> open = breakers.stream().filter(b -> b.state() == CircuitBreakerStatus.State.OPEN)
        .map(CircuitBreakerStatus::name).toList();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", open.isEmpty() ? "UP" : "DOWN");
    if (!open.isEmpty()) {
      view.put("detail", "open circuit breaker of " + String.join(", ", open));
    }
    view.put("breakers", breakers.stream().map(b -> Map.of(
        "name", b.name(),
        "state", b.state().name(),
        "failures", b.failures(),
        "since", b.since().toString())).toList());
    return view;
  }
}
