package io.terrafusion.sync.core.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response from the {@link SyncHttpHandler}, for an adapter to write out.
 *
 * <p>This record is immutable and thread-safe: the body is copied in and out.
 *
 * @param status the status code
 * @param headers the headers to send, one value each, such as {@code Content-Type}
 * @param body the body, empty when there is none
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * Validates the parts and copies them.
   *
   * @throws IllegalArgumentException if the status is not between 100 and 599
   */
  public HttpResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599 but was " + status);
    }
    headers = Map.copyOf(headers);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The body, copied. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** A header's value, by case-insensitive name. */
  public Optional<String> header(String name) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof HttpResponse other && status == other.status && headers.equals(other.headers)
        && Arrays.equals(body, other.body));
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return status + " " + headers.getOrDefault("Content-Type", "") + " (" + body.length + " bytes)";
  }
}
