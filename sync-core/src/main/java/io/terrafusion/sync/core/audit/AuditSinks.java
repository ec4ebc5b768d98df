package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.spi.AuditRecordStore;
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
    return new JsonLinesAuditSink(Objects.requireNonNull(file, "file"), Long.MAX_VALUE);
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

  /**
   * As {@link #jsonLines(Path)}, rotating to a new file when a line would take the current one past
   * {@code maxBytes}; the hash chain goes on across files (see {@link JsonLinesAuditSink}).
   *
   * @throws IllegalArgumentException if {@code maxBytes} is below 1
   * @throws java.io.UncheckedIOException if the file cannot be opened; the message names it
   */
  public static JsonLinesAuditSink jsonLines(Path file, long maxBytes) {
    Objects.requireNonNull(file, "file");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1 but was " + maxBytes);
    }
    return new JsonLinesAuditSink(file, maxBytes);
  }

  /**
   * The sink marked optional: a failure of {@code sink} to record or flush is logged at WARN (with
   * the event's type and job, never its rows) and skipped, so it never fails a batch. Every sink not
   * wrapped so is required: the engine fails the batch, before its checkpoint moves, when it throws.
   */
  public static AuditSink optional(AuditSink sink) {
    return new OptionalAuditSink(Objects.requireNonNull(sink, "sink"));
  }

  /**
   * A sink that keeps a tamper-evident chain of records in {@code store}, such as a JDBC table; see
   * {@link ChainedAuditSink}. It reads the store's last record now, to go on with its chain. When the
   * store shares the target's transactions (a {@code JdbcAuditStore} over the target's {@code
   * DataSource} object), each transaction's row records commit with it.
   *
   * @throws RuntimeException what the store throws when its last record cannot be read
   */
  public static ChainedAuditSink chained(AuditRecordStore store) {
    return new ChainedAuditSink(Objects.requireNonNull(store, "store"));
  }
}
