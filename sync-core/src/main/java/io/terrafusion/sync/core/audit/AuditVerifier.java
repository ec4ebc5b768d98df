package io.terrafusion.sync.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.AuditRecord;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.audit.AuditVerification.Break;
import io.terrafusion.sync.core.audit.AuditVerification.Kind;
import io.terrafusion.sync.spi.AuditRecordStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a chain of {@link AuditRecord}s is whole: each record's hash matches its content, the
 * parts a store indexes agree with that content, sequence numbers run 1, 2, 3... and each record
 * holds the hash of the one before. It reports the first break in chain order: an {@linkplain
 * Kind#ALTERED altered}, {@linkplain Kind#MISSING missing} or {@linkplain Kind#REORDERED reordered}
 * record with its sequence number.
 *
 * <p>Records deleted from the end of a chain leave no trace in the chain itself; compare the last
 * sequence number with one kept elsewhere (such as a report of the job) to detect a cut tail.
 *
 * <p>Reading is streaming: memory does not grow with the chain. This class is stateless and
 * thread-safe.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Verifies a chain given in stored order, from its first record.
   *
   * @throws RuntimeException what the iterator throws while reading
   */
  public static AuditVerification verify(Iterator<AuditRecord> records) {
    Objects.requireNonNull(records, "records");
    long expected = 1;
    String previousHash = AuditRecord.GENESIS;
    long checked = 0;
    while (true) {
      AuditRecord record;
      try {
        if (!records.hasNext()) {
          return new AuditVerification(checked, null);
        }
        record = records.next();
      } catch (UnreadableRecordException e) {
        return new AuditVerification(checked, new Break(Kind.ALTERED, expected,
            "record " + expected + " cannot be read: " + e.getMessage()));
      }
      checked++;
      @Nullable String altered = alteration(record);
      if (altered != null) {
        return new AuditVerification(checked, new Break(Kind.ALTERED, record.sequence(),
            "record " + record.sequence() + " was altered: " + altered));
      }
      if (record.sequence() < expected) {
        return new AuditVerification(checked, new Break(Kind.REORDERED, record.sequence(),
            "record " + record.sequence() + " comes again after record " + (expected - 1)));
      }
      if (record.sequence() > expected) {
        return gap(records, checked, expected, record.sequence());
      }
      if (!record.previousHash().equals(previousHash)) {
        long at = Math.max(1, expected - 1);
        return new AuditVerification(checked, new Break(Kind.ALTERED, at, expected == 1
            ? "record 1 does not start a chain: its previous hash is not the genesis hash"
            : "record " + at + " was altered: its hash is not the previous hash that record " + expected + " holds"));
      }
      previousHash = record.hash();
      expected++;
    }
  }

  /**
   * Verifies the chain of a {@linkplain AuditSinks#jsonLines(Path, long) JSON Lines sink}: its rotated
   * files ({@code file.1}, {@code file.2}...) in order, then the file itself. A line that is not a
   * record is reported as an altered record, naming the file and line.
   *
   * @throws UncheckedIOException if a file cannot be read; the message names it
   */
  public static AuditVerification verifyJsonLines(Path file) {
    Objects.requireNonNull(file, "file");
    try (JsonLinesReader reader = new JsonLinesReader(JsonLinesAuditSink.chainFiles(file))) {
      return verify(reader);
    }
  }

  /**
   * Verifies the chain kept in a store, such as a JDBC table, reading it {@code pageSize} records at
   * a time.
   *
   * @throws IllegalArgumentException if {@code pageSize} is below 1
   * @throws RuntimeException what the store throws while reading
   */
  public static AuditVerification verify(AuditRecordStore store, int pageSize) {
    Objects.requireNonNull(store, "store");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1 but was " + pageSize);
    }
    return verify(new Iterator<>() {
      private List<AuditRecord> page = List.of();
      private int next;
      private long after;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (next < page.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        page = store.records(after, pageSize);
        next = 0;
        exhausted = page.size() < pageSize;
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1).sequence();
        }
        return !page.isEmpty();
      }

      @Override
      public AuditRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(next++);
      }
    });
  }

  private static AuditVerification gap(Iterator<AuditRecord> rest, long checked, long expected, long found) {
    // The record we expected may still come later, moved: then it is reordered, else missing.
    long read = checked;
    try {
      while (rest.hasNext()) {
        read++;
        if (rest.next().sequence() == expected) {
          return new AuditVerification(read, new Break(Kind.REORDERED, expected,
              "record " + expected + " is out of place: record " + found + " comes before it"));
        }
      }
    } catch (UnreadableRecordException e) {
      // An unreadable record later on cannot be the one we look for.
    }
    return new AuditVerification(read, new Break(Kind.MISSING, expected,
        "record " + expected + " is missing: record " + found + " follows record " + (expected - 1)));
  }

  /** What in the record disagrees with its hash or its body, or null when nothing does. */
  private static @Nullable String alteration(AuditRecord record) {
    if (!AuditChain.sha256(record.body()).equals(record.hash())) {
      return "its content does not match its hash";
    }
    JsonNode body;
    try {
      body = AuditJson.mapper().readTree(record.body());
    } catch (IOException e) {
      return "its content is not JSON";
    }
    List<String> differing = new ArrayList<>();
    check(differing, "sequence", body.path("sequence").asLong(-1) == record.sequence());
    check(differing, "previousHash", body.path("previousHash").asText().equals(record.previousHash()));
    check(differing, "jobId", body.path("jobId").asText().equals(record.jobId()));
    check(differing, "batch", body.path("batch").asLong(Long.MIN_VALUE) == record.batch());
    check(differing, "at", body.path("at").asText().equals(record.at().toString()));
    check(differing, "type", body.path("type").asText().equals(record.type().name()));
    JsonNode table = body.path("table");
    check(differing, "table", record.table() == null ? table.isNull() : table.asText().equals(record.table().toString()));
    if (record.key() != null) {
      check(differing, "key", record.body().contains("\"key\":" + AuditJson.key(record.key()) + ",\"before\""));
    }
    return differing.isEmpty() ? null : "its stored " + String.join(", ", differing) + " differ from its hashed content";
  }

  private static void check(List<String> differing, String field, boolean agrees) {
    if (!agrees) {
      differing.add(field);
    }
  }

  /** A stored record that cannot be read as one; the verifier reports it as altered. */
  static final class UnreadableRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableRecordException(String message) {
      super(message);
    }
  }

  /** The records of a JSON Lines file set, one line at a time. */
  private static final class JsonLinesReader implements Iterator<AuditRecord>, AutoCloseable {
    private final Iterator<Path> files;
    private @Nullable BufferedReader reader;
    private @Nullable Path current;
    private long lineNumber;
    private @Nullable String next;

    JsonLinesReader(List<Path> files) {
      this.files = files.iterator();
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          if (reader == null) {
            if (!files.hasNext()) {
              return false;
            }
            current = files.next();
            reader = Files.newBufferedReader(current, StandardCharsets.UTF_8);
            lineNumber = 0;
          }
          next = reader.readLine();
          if (next == null) {
            reader.close();
            reader = null;
          } else {
            lineNumber++;
          }
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read audit file " + current, e);
      }
    }

    @Override
    public AuditRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String line = next;
      next = null;
      return parseLine(line, "line " + lineNumber + " of " + current);
    }

    @Override
    public void close() {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close audit file " + current, e);
        }
      }
    }
  }

  /**
   * A JSON Lines line as a record.
   *
   * @throws UnreadableRecordException naming {@code where} if it is not one
   */
  static AuditRecord parseLine(String line, String where) {
    int hashAt = line.length() - AuditJson.HASH_FIELD.length() - 64 - 2;
    if (hashAt < 1 || !line.startsWith(AuditJson.HASH_FIELD, hashAt) || !line.endsWith("\"}")) {
      throw new UnreadableRecordException(where + " does not end with a hash");
    }
    String hash = line.substring(hashAt + AuditJson.HASH_FIELD.length(), line.length() - 2);
    String body = line.substring(0, hashAt) + "}";
    try {
      JsonNode node = AuditJson.mapper().readTree(body);
      JsonNode table = node.path("table");
      return new AuditRecord(node.path("sequence").asLong(), node.path("previousHash").asText(), hash,
          node.path("jobId").asText(), node.path("batch").asLong(), Instant.parse(node.path("at").asText()),
          AuditEventType.valueOf(node.path("type").asText()),
          table.isNull() ? null : table(table.asText()), null, body);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableRecordException(where + " is not an audit record");
    }
  }

  /** The table of a body's text; it only has to print as that text again. */
  private static TableId table(String text) {
    int dot = text.indexOf('.');
    return dot < 0 ? TableId.of(text) : TableId.of(text.substring(0, dot), text.substring(dot + 1));
  }
}
