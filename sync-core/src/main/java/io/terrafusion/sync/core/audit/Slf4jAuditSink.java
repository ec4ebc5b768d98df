package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.spi.AuditSink;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/** Logs one {@code key=value} line per event; never the rows before and after, only the key. */
final class Slf4jAuditSink implements AuditSink {
  private final Logger logger;

  Slf4jAuditSink(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void record(AuditEvent event) {
    if (logger.isInfoEnabled()) {
      logger.info(format(event));
    }
  }

  /** The line logged for an event; details are sorted by name so that equal events log alike. */
  static String format(AuditEvent event) {
    StringBuilder line = new StringBuilder(128);
    pair(line, "job", event.jobId());
    if (event.batch() >= 0) {
      pair(line, "batch", Long.toString(event.batch()));
    }
    pair(line, "type", event.type().name());
    if (event.table() != null) {
      pair(line, "table", event.table().toString());
    }
    if (event.key() != null) {
      pair(line, "key", event.key().toString());
    }
    for (Map.Entry<String, String> detail : new TreeMap<>(event.details()).entrySet()) {
      pair(line, detail.getKey(), detail.getValue());
    }
    return line.toString();
  }

  private static void pair(StringBuilder line, String name, String value) {
    if (line.length() > 0) {
      line.append(' ');
    }
    line.append(name).append('=');
    if (needsQuotes(value)) {
      line.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"', '\\' -> line.append('\\').append(c);
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          default -> line.append(c);
        }
      }
      line.append('"');
    } else {
      line.append(value);
    }
  }

  private static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '=' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
