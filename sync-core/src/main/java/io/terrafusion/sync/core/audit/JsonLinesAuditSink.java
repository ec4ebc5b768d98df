package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.spi.AuditSink;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one JSON object per event to a file (JSON Lines), such as
 *
 * <pre>{@code
 * {"jobId":"j-1","batch":3,"at":"2025-01-02T03:04:05Z","type":"ROW_UPDATED","table":"shop.orders",
 *  "key":[42],"before":{"id":42,"amount":9.50},"after":{"id":42,"amount":10.00},"details":{}}
 * }</pre>
 *
 * <p>(one line in the file; chained lines also carry {@code sequence}, {@code previousHash} first and
 * {@code hash} last, see below). {@code table}, {@code key}, {@code before} and {@code after} are null when
 * absent; {@code batch} is -1 for job- and table-level events; details are sorted by name. Values
 * render as JSON numbers (a {@code BigDecimal} in plain notation at its scale; NaN and infinities as
 * strings), strings, booleans or null; {@code byte[]} as Base64; {@code java.time} values in
 * ISO-8601 and UUIDs in their standard form; JSON trees as they are.
 *
 * <p><b>Tamper evidence.</b> Each line is a link of a hash chain: it starts with {@code
 * "sequence":n,"previousHash":"…"} and ends with {@code "hash":"…"}, the SHA-256 of the line without
 * its hash field (see {@link io.terrafusion.sync.api.AuditRecord}). Opening an existing file goes on
 * with its chain from its last line; {@link AuditVerifier#verifyJsonLines(Path)} checks it. A last
 * line that a crash left incomplete (it was never flushed, so no checkpoint relied on it) is cut off
 * when the file is opened, with a warning.
 *
 * <p><b>Rotation.</b> With a size limit, a line that would take the file past it goes to a new file
 * instead: the full file is flushed and renamed to {@code <name>.1} (then {@code .2}, ...: the
 * highest number is the most recent) and the chain goes on in the new file. Nothing is deleted;
 * retention is the host's business, and a verifier reports removed early files as missing records.
 *
 * <p>Lines are buffered: {@link #flush()} writes them out and forces them to the storage device, so
 * that they survive a crash. {@link #close()} flushes and closes the file; {@link #flush()} and
 * {@link #close()} after close do nothing, {@link #record} after close throws {@link
 * IllegalStateException}. An I/O failure throws {@link UncheckedIOException} naming the file.
 *
 * <p>This class is thread-safe: concurrent events are written whole, one per line.
 */
public final class JsonLinesAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int TAIL_CHUNK = 8 * 1024;

  private final Path file;
  private final long maxBytes;
  private final AuditChain chain;
  private FileChannel channel;
  private OutputStream out;
  private long size;
  private boolean closed;

  JsonLinesAuditSink(Path file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
    try {
      this.channel = open(file);
      this.size = channel.size();
      AuditRecord last = lastRecord();
      this.chain = last == null ? AuditChain.empty() : AuditChain.after(last);
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
   * Appends the event to the buffer as the next link of the chain, rotating first when the line
   * would take the file past the size limit.
   *
   * @throws IllegalStateException if this sink is closed
   * @throws UncheckedIOException if writing or rotating fails
   */
  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("audit file " + file + " is closed");
      }
      byte[] line = AuditJson.line(chain.append(event));
      try {
        if (size > 0 && size + line.length > maxBytes) {
          rotate();
        }
        out.write(line);
        size += line.length;
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

  private void rotate() throws IOException {
    writeOut();
    channel.close();
    List<Path> files = chainFiles(file);
    long next = files.size() == 1 ? 1 : number(file, files.get(files.size() - 2)) + 1;
    Files.move(file, file.resolveSibling(file.getFileName() + "." + next), StandardCopyOption.ATOMIC_MOVE);
    channel = open(file);
    out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
    size = 0;
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
  }

  /** The last record of the chain, in this file or, when it is empty, in the latest rotated one. */
  private @Nullable AuditRecord lastRecord() throws IOException {
    cutIncompleteLine();
    channel.position(size);
    String line = lastLine(channel, size);
    if (line == null) {
      List<Path> files = chainFiles(file);
      if (files.size() > 1) {
        Path previous = files.get(files.size() - 2);
        try (FileChannel rotated = FileChannel.open(previous, StandardOpenOption.READ)) {
          line = lastLine(rotated, rotated.size());
        }
      }
    }
    if (line == null) {
      return null;
    }
    try {
      return AuditVerifier.parseLine(line, "the last line of " + file);
    } catch (AuditVerifier.UnreadableRecordException e) {
      throw new IOException("cannot go on with the audit chain: " + e.getMessage(), e);
    }
  }

  private void cutIncompleteLine() throws IOException {
    if (size == 0 || byteAt(channel, size - 1) == '\n') {
      return;
    }
    long end = size - 1;
    while (end > 0 && byteAt(channel, end - 1) != '\n') {
      end--;
    }
    LOG.warn("audit file {} ended in an incomplete line of {} bytes, never flushed before a crash; it was cut off",
        file, size - end);
    channel.truncate(end);
    channel.force(false);
    size = end;
  }

  private static byte byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, position);
    return one.get(0);
  }

  /** The last line of a file whose lines all end in a newline, without it; null when empty. */
  private static @Nullable String lastLine(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return null;
    }
    long end = size - 1;
    long start = end;
    ByteArrayOutputStream reversed = new ByteArrayOutputStream();
    ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
    while (start > 0) {
      long from = Math.max(0, start - TAIL_CHUNK);
      chunk.clear().limit((int) (start - from));
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, from + chunk.position()) < 0) {
          throw new IOException("file shrank while reading its last line");
        }
      }
      int newline = -1;
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          newline = i;
          break;
        }
      }
      for (int i = chunk.limit() - 1; i > newline; i--) {
        reversed.write(chunk.get(i));
      }
      if (newline >= 0) {
        break;
      }
      start = from;
    }
    byte[] bytes = reversed.toByteArray();
    for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
      byte b = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = b;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The number of a rotated file of {@code file}. */
  private static long number(Path file, Path rotated) {
    return Long.parseLong(rotated.getFileName().toString().substring(file.getFileName().toString().length() + 1));
  }

  /** The files of a sink's chain in order: the rotated ones by number, then the file itself. */
  static List<Path> chainFiles(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Pattern rotated = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "\\.([1-9][0-9]*)");
    List<Path> files = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> siblings = Files.list(dir)) {
        siblings.filter(p -> rotated.matcher(p.getFileName().toString()).matches())
            .sorted(Comparator.comparingLong(p -> number(file, p)))
            .forEach(p -> files.add(file.resolveSibling(p.getFileName())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the audit files of " + file, e);
      }
    }
    files.add(file);
    return files;
  }
}
