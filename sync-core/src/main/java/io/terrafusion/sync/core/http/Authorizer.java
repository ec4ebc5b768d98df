package io.terrafusion.sync.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The host's access decision, asked for every request before it is routed. Authentication is the
 * host's: the authorizer reads what it needs from the request (a header, a client certificate
 * already checked by the server) and answers.
 *
 * <p>Implementations must be thread-safe and fast, and should not throw; a throwing authorizer
 * denies the request with 403.
 */
@FunctionalInterface
public interface Authorizer {

  /** The answer for one request. */
  enum Decision {
    /** Serve the request. */
    ALLOW,
    /** Refuse with 401: the caller did not say who it is, or not credibly. */
    UNAUTHENTICATED,
    /** Refuse with 403: the caller is known but may not do this. */
    FORBIDDEN
  }

  /** Decides whether to serve the request. */
  Decision authorize(HttpRequest request);

  /**
   * The default when the host gives none: read routes ({@code GET}, {@code HEAD}) are allowed and
   * every other method is forbidden, so that an accidentally exposed mount cannot start or cancel
   * jobs.
   */
  static Authorizer readOnly() {
    return request -> isRead(request) ? Decision.ALLOW : Decision.FORBIDDEN;
  }

  /**
   * Allows a request that carries {@code Authorization: Bearer <token>} with the given token
   * (compared in constant time); 401 otherwise.
   *
   * @throws IllegalArgumentException if the token is blank
   */
  static Authorizer bearerToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return request -> request.header("Authorization")
        .filter(h -> MessageDigest.isEqual(h.getBytes(StandardCharsets.UTF_8), expected))
        .map(h -> Decision.ALLOW)
        .orElse(Decision.UNAUTHENTICATED);
  }

  /** Whether the request only reads: {@code GET} or {@code HEAD}. */
  static boolean isRead(HttpRequest request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }
}
