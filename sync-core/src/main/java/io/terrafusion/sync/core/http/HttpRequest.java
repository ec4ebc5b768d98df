package io.terrafusion.sync.core.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the {@link SyncHttpHandler} sees it, independent of any web stack.
 *
 * <p>This record is immutable and thread-safe: the body is copied in and out.
 *
 * @param method the method, such as {@code GET}; upper-cased
 * @param path the request path, not percent-decoded and without the query, such as {@code
 *     /ops/sync/status}
 * @param query the decoded query parameters, each with its values in order
 * @param headers the headers, names lower-cased, each with its values in order
 * @param body the request body, empty when there is none
 */
public record HttpRequest(
    String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {

  /** Validates the parts, upper-cases the method, lower-cases header names and copies everything. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    method = method.toUpperCase(Locale.ROOT);
    query = copy(query, false);
    headers = copy(headers, true);
    body = body.clone();
  }

  /**
   * A request from its raw parts, as adapters receive them.
   *
   * @param method the method
   * @param path the raw path
   * @param rawQuery the raw query string without {@code ?}, or null; malformed percent escapes are
   *     kept as they are
   * @param headers the headers, names in any case
   * @param body the body
   */
  public static HttpRequest of(
      String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers, byte[] body) {
    return new HttpRequest(method, path, parseQuery(rawQuery), headers, body);
  }

  /** The body, copied. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body's size in bytes. */
  public int bodySize() {
    return body.length;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof HttpRequest other && method.equals(other.method) && path.equals(other.path)
        && query.equals(other.query) && headers.equals(other.headers) && Arrays.equals(body, other.body));
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, query, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + body.length + " bytes)";
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map, boolean lowerCase) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> {
      String key = lowerCase ? name.toLowerCase(Locale.ROOT) : name;
      copy.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
    });
    copy.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(copy);
  }

  private static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }
}
