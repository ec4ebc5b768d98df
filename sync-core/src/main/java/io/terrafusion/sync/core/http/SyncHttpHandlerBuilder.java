package io.terrafusion.sync.core.http;

import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.core.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Options of a {@link SyncHttpHandler}. Each setter checks its argument for null; {@link #build()}
 * checks the rest and reports every problem at once.
 *
 * <p>Not thread-safe: configure it on one thread. The handler it builds is immutable.
 */
public final class SyncHttpHandlerBuilder {
  /** The default largest request body: 64 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** The default time a health probe may take: 2 seconds. */
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private static final ExecutorService PROBES = probePool();

  @Nullable SyncEngine engine;
  String basePath = "";
  Authorizer authorizer = Authorizer.readOnly();
  int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;
  Executor probeExecutor = PROBES;
  private @Nullable String badBasePath;

  SyncHttpHandlerBuilder() {}

  /** The engine whose jobs, stores and queue the routes serve. Required. */
  public SyncHttpHandlerBuilder engine(SyncEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /**
   * The path the routes sit under, such as {@code /ops} (then {@code /ops/sync/full}); default the
   * root. A trailing slash is dropped; {@link #build()} refuses a path that does not start with
   * {@code /} or holds {@code ?}, {@code #}, whitespace or {@code //}.
   */
  public SyncHttpHandlerBuilder basePath(String path) {
    Objects.requireNonNull(path, "path");
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    boolean valid = trimmed.isEmpty() || (trimmed.startsWith("/") && !trimmed.contains("//")
        && trimmed.chars().noneMatch(c -> c == '?' || c == '#' || Character.isWhitespace(c)));
    badBasePath = valid ? null : path;
    basePath = valid ? trimmed : basePath;
    return this;
  }

  /**
   * The access decision for every request. Default {@link Authorizer#readOnly()}: reads allowed,
   * everything that starts, cancels or resolves refused with 403.
   */
  public SyncHttpHandlerBuilder authorizer(Authorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    return this;
  }

  /** The largest request body accepted, in bytes; larger ones get 413. Default 64 KiB; must be > 0. */
  public SyncHttpHandlerBuilder maxBodyBytes(int bytes) {
    this.maxBodyBytes = bytes;
    return this;
  }

  /** How long {@code /health} waits for each store to answer. Default 2 seconds; must be positive. */
  public SyncHttpHandlerBuilder healthTimeout(Duration timeout) {
    this.healthTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Where health probes run. Default a shared pool of daemon threads that end when idle; a probe
   * that hangs keeps its thread, not the request.
   */
  public SyncHttpHandlerBuilder probeExecutor(Executor executor) {
    this.probeExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Builds the handler.
   *
   * @throws InvalidConfigurationException listing every problem: no engine, a malformed base path, a
   *     body limit or health timeout that is not positive
   */
  public SyncHttpHandler build() {
    List<String> problems = new ArrayList<>();
    if (engine == null) {
      problems.add("engine is required but was not set");
    }
    if (badBasePath != null) {
      problems.add("basePath must start with / and hold no ?, #, whitespace or // but was " + badBasePath);
    }
    if (maxBodyBytes <= 0) {
      problems.add("maxBodyBytes must be > 0 but was " + maxBodyBytes);
    }
    if (healthTimeout.isZero() || healthTimeout.isNegative()) {
      problems.add("healthTimeout must be positive but was " + healthTimeout);
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException("SyncHttpHandler", problems);
    }
    return new SyncHttpHandler(this);
  }

  private static ExecutorService probePool() {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread thread = new Thread(r, "tfsync-health-probe");
      thread.setDaemon(true);
      return thread;
    });
  }
}
