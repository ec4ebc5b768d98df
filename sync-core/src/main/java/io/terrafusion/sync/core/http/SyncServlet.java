package io.terrafusion.sync.core.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link SyncHttpHandler} in a Jakarta Servlet 6 container. Register it at the handler's
 * base path with a wildcard, such as {@code /ops/*} for base path {@code /ops} ({@code /*} for the
 * root); the handler sees the request path without the web application's context path.
 *
 * <p>Needs {@code jakarta.servlet-api} at run time, which this library declares optional. Reads at
 * most one byte more than the handler's body limit. This class is thread-safe.
 */
public final class SyncServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient SyncHttpHandler handler;

  /** A servlet serving the given handler. */
  public SyncServlet(SyncHttpHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(handler.maxBodyBytes() + 1);
    }
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    HttpResponse response = handler.handle(HttpRequest.of(req.getMethod(), path, req.getQueryString(), headers(req), body));
    resp.setStatus(response.status());
    response.headers().forEach(resp::setHeader);
    byte[] out = response.body();
    resp.setContentLength(out.length);
    if (out.length > 0) {
      resp.getOutputStream().write(out);
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return headers;
  }
}
