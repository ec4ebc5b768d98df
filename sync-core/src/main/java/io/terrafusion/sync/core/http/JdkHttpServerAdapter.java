package io.terrafusion.sync.core.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link SyncHttpHandler} on the JDK's {@link HttpServer}:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * JdkHttpServerAdapter.mount(server, SyncHttpHandler.builder().engine(engine).basePath("/ops")
 *     .authorizer(Authorizer.bearerToken(token)).build());
 * server.start();
 * }</pre>
 *
 * <p>Reads at most one byte more than the handler's body limit, so an oversized body costs no
 * memory before it is refused. This class is thread-safe.
 */
public final class JdkHttpServerAdapter implements HttpHandler {
  private final SyncHttpHandler handler;

  /** An adapter of the given handler; {@link #mount} creates and registers one. */
  public JdkHttpServerAdapter(SyncHttpHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Mounts every route of the handler on the server, under the handler's base path (the root when
   * it has none), in one context.
   *
   * @return the context created
   * @throws IllegalArgumentException if the server already has a context at that path
   */
  public static HttpContext mount(HttpServer server, SyncHttpHandler handler) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(handler, "handler");
    String path = handler.basePath().isEmpty() ? "/" : handler.basePath();
    return server.createContext(path, new JdkHttpServerAdapter(handler));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(handler.maxBodyBytes() + 1);
      }
      HttpRequest request = HttpRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
      HttpResponse response = handler.handle(request);
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().set(header.getKey(), header.getValue());
      }
      byte[] out = response.body();
      exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }
}
