package io.terrafusion.sync.core.detect;

import io.terrafusion.sync.api.CanonicalValues;
import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.SegmentChecksums;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory store whose segment checksums are an MD5 of {@link CanonicalValues#encode} of the
 * hashed columns of each row, in key order. It counts the rows it returns from reads and fetches and
 * the checksum queries it answers, so tests can tell what a detector cost. Thread-safe.
 */
public final class ChecksumStore implements TargetStore {
  private final String name;
  private final @Nullable String algorithm;
  private final Map<TableId, TableSchema> schemas = new LinkedHashMap<>();
  private final Map<TableId, TreeMap<RowKey, Row>> data = new HashMap<>();
  private long rowsRead;
  private long checksumQueries;
  private int applies;
  private int failingApply;

  /** A store whose checksums have the given algorithm name, or none when it is null. */
  public ChecksumStore(String name, @Nullable String algorithm) {
    this.name = name;
    this.algorithm = algorithm;
  }

  public synchronized ChecksumStore create(TableSchema schema) {
    schemas.put(schema.id(), schema);
    data.put(schema.id(), new TreeMap<>());
    return this;
  }

  public synchronized ChecksumStore put(TableId table, Object... values) {
    Row row = Row.of(schemas.get(table).layout(), values);
    data.get(table).put(row.key(), row);
    return this;
  }

  public synchronized ChecksumStore remove(TableId table, Object... key) {
    data.get(table).remove(RowKey.of(key));
    return this;
  }

  public synchronized List<Row> rows(TableId table) {
    return List.copyOf(data.get(table).values());
  }

  /** The rows returned by reads and fetches so far. */
  public synchronized long rowsRead() {
    return rowsRead;
  }

  /** The calls of {@code split} and {@code checksums} so far. */
  public synchronized long checksumQueries() {
    return checksumQueries;
  }

  /** Makes the {@code n}-th apply from now (1-based) fail without writing anything. */
  public synchronized void failApply(int n) {
    applies = 0;
    failingApply = n;
  }

  public synchronized void resetCounts() {
    rowsRead = 0;
    checksumQueries = 0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized List<TableId> tables() {
    return List.copyOf(schemas.keySet());
  }

  @Override
  public synchronized Optional<TableSchema> table(TableId table) {
    return Optional.ofNullable(schemas.get(table));
  }

  @Override
  public synchronized List<Row> read(TableSchema table, KeyRange range, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 but was " + limit);
    }
    List<Row> page = new ArrayList<>();
    for (Row row : inRange(table.id(), range).values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(project(row, table));
    }
    rowsRead += page.size();
    return page;
  }

  @Override
  public synchronized List<Row> fetch(TableSchema table, List<RowKey> keys) {
    TreeMap<RowKey, Row> rows = data.get(table.id());
    List<Row> found = keys.stream().sorted().map(rows::get).filter(r -> r != null).map(r -> project(r, table)).toList();
    rowsRead += found.size();
    return found;
  }

  @Override
  public synchronized void apply(TableSchema table, WriteBatch batch) {
    if (++applies == failingApply) {
      throw new DataAccessException("apply " + applies + " fails as the test asked", table.id(), null, "08006", null);
    }
    TreeMap<RowKey, Row> rows = data.get(table.id());
    TableSchema full = schemas.get(table.id());
    batch.deletes().forEach(rows::remove);
    for (Row row : batch.upserts()) {
      Row old = rows.get(row.key());
      Map<String, Object> values = old == null ? new HashMap<>() : new HashMap<>(old.toMap());
      values.putAll(row.toMap());
      rows.put(row.key(), Row.fromMap(full.layout(), values));
    }
  }

  @Override
  public Optional<SegmentChecksums> segmentChecksums() {
    return algorithm == null ? Optional.empty() : Optional.of(new Sums(algorithm));
  }

  private NavigableMap<RowKey, Row> inRange(TableId table, KeyRange range) {
    TreeMap<RowKey, Row> rows = data.get(table);
    NavigableMap<RowKey, Row> tail = range.after() == null ? rows : rows.tailMap(range.after(), false);
    return range.upTo() == null ? tail : tail.headMap(range.upTo(), true);
  }

  private static Row project(Row row, TableSchema schema) {
    if (row.layout().equals(schema.layout())) {
      return row;
    }
    Map<String, Object> values = new HashMap<>();
    for (String column : schema.layout().columns()) {
      values.put(column, row.get(column));
    }
    return Row.fromMap(schema.layout(), values);
  }

  private final class Sums implements SegmentChecksums {
    private final String algorithm;

    Sums(String algorithm) {
      this.algorithm = algorithm;
    }

    @Override
    public String algorithm() {
      return algorithm;
    }

    @Override
    public List<Segment> split(TableSchema table, List<String> columns, KeyRange range, int rowsPerSegment) {
      if (rowsPerSegment <= 0) {
        throw new IllegalArgumentException("rowsPerSegment must be > 0 but was " + rowsPerSegment);
      }
      synchronized (ChecksumStore.this) {
        checksumQueries++;
        List<Row> rows = List.copyOf(inRange(table.id(), range).values());
        List<Segment> segments = new ArrayList<>();
        RowKey after = range.after();
        for (int from = 0; from < rows.size() || segments.isEmpty(); from += rowsPerSegment) {
          int to = Math.min(rows.size(), from + rowsPerSegment);
          RowKey upTo = to == rows.size() ? range.upTo() : rows.get(to - 1).key();
          KeyRange part = new KeyRange(after, upTo);
          segments.add(new Segment(part, to - from, digest(rows.subList(from, to), columns)));
          after = upTo;
        }
        return segments;
      }
    }

    @Override
    public List<Segment> checksums(TableSchema table, List<String> columns, List<KeyRange> ranges) {
      synchronized (ChecksumStore.this) {
        checksumQueries++;
        List<Segment> segments = new ArrayList<>();
        for (KeyRange range : ranges) {
          List<Row> rows = List.copyOf(inRange(table.id(), range).values());
          segments.add(new Segment(range, rows.size(), digest(rows, columns)));
        }
        return segments;
      }
    }

    private String digest(List<Row> rows, List<String> columns) {
      try {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Row row : rows) {
          for (String column : columns) {
            CanonicalValues.encode(row.get(column), out);
          }
        }
        out.flush();
        return HexFormat.of().formatHex(md5.digest(bytes.toByteArray()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
