package io.terrafusion.sync.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes JSON and RFC 9457 problem responses. */
final class Responses {
  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_TYPE = "https://terrafusion.io/problems/";

  private final ObjectMapper mapper;

  Responses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  HttpResponse json(int status, Map<String, String> headers, Object body) {
    return write(status, headers, JSON, body);
  }

  HttpResponse raw(int status, String contentType, byte[] body) {
    return new HttpResponse(status, Map.of("Content-Type", contentType, "Cache-Control", "no-store"), body);
  }

  HttpResponse problem(HttpProblem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", PROBLEM_TYPE + problem.title().toLowerCase(Locale.ROOT).replace(' ', '-'));
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    if (problem.memberName() != null) {
      body.put(problem.memberName(), problem.memberValue());
    }
    return write(problem.status(), problem.headers(), PROBLEM_JSON, body);
  }

  private HttpResponse write(int status, Map<String, String> headers, String contentType, Object body) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", contentType);
    all.put("Cache-Control", "no-store");
    try {
      return new HttpResponse(status, all, mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response body as JSON", e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
