package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.spi.AuditSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Appends one JSON object per event to a file (JSON Lines), such as
 *
 * <pre>{@code
 * {"jobId":"j-1","batch":3,"at":"2025-01-02T03:04:05Z","type":"ROW_UPDATED","table":"shop.orders",
 *  "key":[42],"before":{"id":42,"amount":9.50},"after":{"id":42,"amount":10.00},"details":{}}
 * }</pre>
 *
 * <p>(one line in the file). {@code table}, {@code key}, {@code before} and {@code after} are null when
 * absent; {@code batch} is -1 for job- and table-level events; details are sorted by name. Values
 * render as JSON numbers (a {@code BigDecimal} in plain notation at its scale; NaN and infinities as
 * strings), strings, booleans or null; {@code byte[]} as Base64; {@code java.time} values in
 * ISO-8601 and UUIDs in their standard form; JSON trees as they are.
 *
 * <p>Lines are buffered: {@link #flush()} writes them out and forces them to the storage device, so
 * that they survive a crash. {@link #close()} flushes and closes the file; {@link #flush()} and
 * {@link #close()} after close do nothing, {@link #record} after close throws {@link
 * IllegalStateException}. An I/O failure throws {@link UncheckedIOException} naming the file.
 *
 * <p>This class is thread-safe: concurrent events are written whole, one per line.
 */
public final class JsonLinesAuditSink implements AuditSink {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final OutputStream out;
  private boolean closed;

  JsonLinesAuditSink(Path file) {
    this.file = file;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open audit file " + file, e);
    }
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
  }

  /** The file this sink appends to. */
  public Path file() {
    return file;
  }

  /**
   * Appends the event to the buffer.
   *
   * @throws IllegalStateException if this sink is closed
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    byte[] line = AuditJson.line(event);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("audit file " + file + " is closed");
      }
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write audit file " + file, e);
      }
    }
  }

  /**
   * Writes the buffered lines and forces them to the storage device. Does nothing once closed.
   *
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public synchronized void flush() {
    if (closed) {
      return;
    }
    try {
      writeOut();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush audit file " + file, e);
    }
  }

  /**
   * Flushes and closes the file. Does nothing once closed.
   *
   * @throws UncheckedIOException if flushing or closing fails; the file is closed nevertheless
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    UncheckedIOException failure = null;
    try {
      writeOut();
    } catch (IOException e) {
      failure = new UncheckedIOException("cannot flush audit file " + file, e);
    }
    try {
      channel.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = new UncheckedIOException("cannot close audit file " + file, e);
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void writeOut() throws IOException {
    out.flush();
    channel.force(false);
  }
}
