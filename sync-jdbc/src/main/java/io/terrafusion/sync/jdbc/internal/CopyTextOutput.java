package io.terrafusion.sync.jdbc.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of PostgreSQL's COPY text format as they are written: each field encoded to UTF-8 by
 * the JDK's own fast path, then escaped and checked for NUL in one scan of its bytes, into one
 * buffer. A writer with a charset encoder in between cost a copy and an encoding pass over every
 * character, and a separate scan for NUL a third; on the bulk path these were a large share of the
 * engine's own time. Used by one thread.
 */
final class CopyTextOutput {
  private final OutputStream out;
  private final byte[] buffer;
  private int at;

  CopyTextOutput(OutputStream out, int bufferSize) {
    this.out = out;
    this.buffer = new byte[bufferSize];
  }

  /** Writes one byte of the format's structure: a tab between fields, a newline after a row. */
  void separator(char c) throws IOException {
    room(1);
    buffer[at++] = (byte) c;
  }

  /** Writes the format's NULL, {@code \N}. */
  void nullValue() throws IOException {
    room(2);
    buffer[at++] = '\\';
    buffer[at++] = 'N';
  }

  /** Writes text that needs no escaping (numbers, dates and the like), encoded as UTF-8. */
  void plain(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(bytes, 0, bytes.length);
  }

  /**
   * Writes text with backslash, tab, newline and carriage return escaped, encoded as UTF-8 (a lone
   * surrogate becomes {@code ?}, as the JDK encodes it).
   *
   * @throws IllegalArgumentException if the text holds NUL, which PostgreSQL text cannot hold;
   *     part of the text may have been written
   */
  void escaped(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      // The bytes of a multi-byte UTF-8 sequence are all negative: only ASCII needs a look.
      if (b == '\\' || b >= 0 && b < ' ') {
        byte escape = escape(b);
        if (escape != 0) {
          write(bytes, start, i - start);
          room(2);
          buffer[at++] = '\\';
          buffer[at++] = escape;
          start = i + 1;
        }
      }
    }
    write(bytes, start, bytes.length - start);
  }

  /** Passes the buffered bytes on to the stream. */
  void flush() throws IOException {
    if (at > 0) {
      out.write(buffer, 0, at);
      at = 0;
    }
  }

  /** The letter that follows the backslash for a byte COPY escapes, or 0 for the others. */
  private static byte escape(byte b) {
    return switch (b) {
      case '\\' -> '\\';
      case '\t' -> 't';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case 0 -> throw new IllegalArgumentException("PostgreSQL text cannot hold the NUL character (U+0000)");
      default -> 0;
    };
  }

  private void write(byte[] bytes, int offset, int length) throws IOException {
    if (length > buffer.length - at) {
      flush();
      if (length > buffer.length) {
        out.write(bytes, offset, length);
        return;
      }
    }
    System.arraycopy(bytes, offset, buffer, at, length);
    at += length;
  }

  private void room(int bytes) throws IOException {
    if (at + bytes > buffer.length) {
      flush();
    }
  }
}
