package io.terrafusion.sync.core.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the handler refuses, on its way to becoming an RFC 9457 problem response. Thrown only
 * inside this package; its texts are written for the caller and never hold what the caller sent,
 * so nothing sent (a password, say) is echoed back.
 */
final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final @Nullable String memberName;
  private final @Nullable String memberValue;
  private final Map<String, String> headers;

  private HttpProblem(int status, String title, String detail, @Nullable String memberName,
      @Nullable String memberValue, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.memberName = memberName;
    this.memberValue = memberValue;
    this.headers = Map.copyOf(headers);
  }

  /** 400 about a field of the JSON body, named as a path such as {@code tables[2]}. */
  static HttpProblem badField(String field, String detail) {
    return new HttpProblem(400, "Bad request field", detail, "field", field, Map.of());
  }

  /** 400 about a query or path parameter. */
  static HttpProblem badParameter(String parameter, String detail) {
    return new HttpProblem(400, "Bad request parameter", detail, "parameter", parameter, Map.of());
  }

  /** 400 for a body that is not JSON. */
  static HttpProblem malformedJson(String detail) {
    return new HttpProblem(400, "Malformed JSON", detail, "field", "", Map.of());
  }

  /** 404 for an unknown thing named by a path parameter. */
  static HttpProblem notFound(String parameter, String detail) {
    return new HttpProblem(404, "Not found", detail, "parameter", parameter, Map.of());
  }

  /** 404 for a path no route serves. */
  static HttpProblem noRoute() {
    return new HttpProblem(404, "Not found", "no route serves this path", null, null, Map.of());
  }

  /** 405 with the methods the path allows. */
  static HttpProblem methodNotAllowed(String allow) {
    return new HttpProblem(405, "Method not allowed", "this path allows " + allow, null, null, Map.of("Allow", allow));
  }

  /** 409: the request conflicts with the state of a job. */
  static HttpProblem conflict(String detail, String memberName, String memberValue) {
    return new HttpProblem(409, "Conflict", detail, memberName, memberValue, Map.of());
  }

  /** 413: the body is over the limit. */
  static HttpProblem tooLarge(int limit) {
    return new HttpProblem(413, "Request body too large", "the body must be at most " + limit + " bytes", "field", "",
        Map.of());
  }

  /** 415: a body that is not JSON by its content type. */
  static HttpProblem unsupportedMediaType() {
    return new HttpProblem(415, "Unsupported media type", "the body must be sent as application/json", "header",
        "Content-Type", Map.of());
  }

  /** 401 or 403 from the authorizer. */
  static HttpProblem denied(Authorizer.Decision decision) {
    return decision == Authorizer.Decision.UNAUTHENTICATED
        ? new HttpProblem(401, "Unauthorized", "the request carries no accepted credentials", null, null, Map.of())
        : new HttpProblem(403, "Forbidden", "the request is not allowed for this caller", null, null, Map.of());
  }

  /** 503: a store the request needs could not be reached, or the engine is closed. */
  static HttpProblem unavailable(String detail) {
    return new HttpProblem(503, "Service unavailable", detail, null, null, Map.of());
  }

  /** 500 without internals: the cause is logged, never sent. */
  static HttpProblem internal() {
    return new HttpProblem(500, "Internal server error", "the sync service failed; its log has the details", null, null,
        Map.of());
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  @Nullable String memberName() {
    return memberName;
  }

  @Nullable String memberValue() {
    return memberValue;
  }

  Map<String, String> headers() {
    return headers;
  }
}
