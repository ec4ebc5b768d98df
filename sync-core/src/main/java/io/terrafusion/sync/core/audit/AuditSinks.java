package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.spi.AuditSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * The built-in audit sinks. Every sink returned here is thread-safe, as {@link AuditSink} requires.
 *
 * <p>Arguments are checked when a factory is called ({@link NullPointerException} for null).
 */
public final class AuditSinks {
  /** The logger the {@link #slf4j()} sink writes to. */
  public static final String LOGGER_NAME = "io.terrafusion.sync.audit";

  private AuditSinks() {}

  /**
   * A sink that logs one line per event at INFO on logger {@value #LOGGER_NAME}: job, batch, type,
   * table, key and details as {@code key=value} pairs, such as {@code job=j-1 batch=3
   * type=ROW_UPDATED table=shop.orders key=(42) reason=changed}. Absent parts are left out. The rows
   * before and after are never logged, only their keys.
   */
  public static AuditSink slf4j() {
    return new Slf4jAuditSink(LoggerFactory.getLogger(LOGGER_NAME));
  }

  /**
   * A sink that appends one JSON object per event to a file, creating it if needed; see {@link
   * JsonLinesAuditSink} for the format.
   *
   * @throws java.io.UncheckedIOException if the file cannot be opened; the message names it
   */
  public static JsonLinesAuditSink jsonLines(Path file) {
    return new JsonLinesAuditSink(Objects.requireNonNull(file, "file"));
  }

  /** A sink that keeps every event in memory, for tests and small tools. */
  public static InMemoryAuditSink inMemory() {
    return new InMemoryAuditSink();
  }

  /**
   * A sink that records each event to every one of {@code sinks}, in order. A sink that throws does
   * not keep the event from the others: once every sink has been tried, the first exception is
   * rethrown with the others {@linkplain Throwable#addSuppressed suppressed}, so that the engine
   * learns of the failure (it may need to fail the batch when an audit record is required). {@code
   * flush()} and {@code close()} work the same way.
   */
  public static AuditSink fanOut(AuditSink... sinks) {
    Objects.requireNonNull(sinks, "sinks");
    return fanOut(List.of(sinks));
  }

  /** As {@link #fanOut(AuditSink...)}; the list is copied. */
  public static AuditSink fanOut(List<AuditSink> sinks) {
    return new FanOutAuditSink(List.copyOf(Objects.requireNonNull(sinks, "sinks")));
  }
}
