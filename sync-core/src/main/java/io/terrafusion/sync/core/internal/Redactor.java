package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the values of sensitive columns before any audit sink sees an event: each becomes {@code
 * sha256:} and 32 hex digits of an HMAC-SHA256 keyed with a random per-engine salt, so that equal
 * values look equal within one engine (an auditor sees that a value changed) but cannot be looked up
 * in a table of known values. The same values are masked wherever they appear in the event's details
 * (such as a validator's reason). Immutable and thread-safe.
 */
public final class Redactor {
  private static final Redactor NONE = new Redactor(Map.of(), new byte[0]);

  private final Map<TableId, Set<String>> sensitive;
  private final byte[] salt;

  private Redactor(Map<TableId, Set<String>> sensitive, byte[] salt) {
    this.sensitive = sensitive;
    this.salt = salt;
  }

  /** Redacts nothing. */
  public static Redactor none() {
    return NONE;
  }

  /** Redacts the given columns of each table, with a fresh random salt. */
  public static Redactor of(Map<TableId, Set<String>> sensitive) {
    if (sensitive.isEmpty()) {
      return NONE;
    }
    Map<TableId, Set<String>> copy = new HashMap<>();
    sensitive.forEach((table, columns) -> copy.put(table, Set.copyOf(columns)));
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return new Redactor(Map.copyOf(copy), salt);
  }

  /** The sensitive columns per table. */
  public Map<TableId, Set<String>> sensitive() {
    return sensitive;
  }

  /** The event with every sensitive value masked; the event itself when it has none. */
  AuditEvent apply(AuditEvent event) {
    Set<String> columns = event.table() == null ? null : sensitive.get(event.table());
    if (columns == null) {
      return event;
    }
    Set<String> clear = new LinkedHashSet<>();
    Row before = redact(event.before(), columns, clear);
    Row after = redact(event.after(), columns, clear);
    RowKey key = redactKey(event, columns, clear);
    Map<String, String> details = new HashMap<>();
    event.details().forEach((name, value) -> details.put(name, text(value, clear)));
    return new AuditEvent(event.jobId(), event.batch(), event.at(), event.type(), event.table(), key, before, after,
        details);
  }

  /**
   * The text with each sensitive value of the row masked, for reasons the engine stores or logs.
   */
  String text(TableId table, @Nullable Row row, String text) {
    Set<String> columns = sensitive.get(table);
    if (columns == null || row == null) {
      return text;
    }
    Set<String> clear = new LinkedHashSet<>();
    redact(row, columns, clear);
    return text(text, clear);
  }

  private String text(String text, Set<String> clear) {
    if (clear.isEmpty()) {
      return text;
    }
    // One pass, longest value first, so that a value inside another or inside a mask is not replaced twice.
    String alternatives = clear.stream().filter(v -> !v.isEmpty()).sorted(Comparator.comparingInt(String::length)
        .reversed()).map(Pattern::quote).collect(Collectors.joining("|"));
    if (alternatives.isEmpty()) {
      return text;
    }
    return Pattern.compile(alternatives).matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
  }

  private @Nullable Row redact(@Nullable Row row, Set<String> columns, Set<String> clear) {
    if (row == null) {
      return null;
    }
    Row result = row;
    for (String column : columns) {
      if (row.layout().indexOf(column) >= 0) {
        Object value = row.get(column);
        if (value != null) {
          String plain = plain(value);
          clear.add(plain);
          result = result.with(column, mask(plain));
        }
      }
    }
    return result;
  }

  private @Nullable RowKey redactKey(AuditEvent event, Set<String> columns, Set<String> clear) {
    RowKey key = event.key();
    Row row = event.after() != null ? event.after() : event.before();
    if (key == null || row == null) {
      return key;
    }
    List<String> keyColumns = row.layout().keyColumns();
    if (keyColumns.size() != key.size() || keyColumns.stream().noneMatch(columns::contains)) {
      return key;
    }
    List<Object> values = new ArrayList<>(key.values());
    for (int i = 0; i < keyColumns.size(); i++) {
      if (columns.contains(keyColumns.get(i))) {
        String plain = plain(values.get(i));
        clear.add(plain);
        values.set(i, mask(plain));
      }
    }
    return RowKey.of(values);
  }

  private static String plain(Object value) {
    return value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : value.toString();
  }

  private String mask(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] digest = mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
