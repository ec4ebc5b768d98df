package io.terrafusion.sync.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.terrafusion.sync.core.http.JdkHttpServerAdapter;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on an ephemeral port serving one handler, and a client that calls it. */
final class HttpClientFixture implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String token;

  HttpClientFixture(SyncHttpHandler handler, String token) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JdkHttpServerAdapter.mount(server, handler);
    // Without an executor the JDK server handles one request at a time; tests send concurrent ones.
    server.setExecutor(workers);
    server.start();
    this.token = token;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  HttpResponse<String> get(String path) {
    return send(builder(path).GET());
  }

  HttpResponse<String> delete(String path) {
    return send(builder(path).DELETE());
  }

  HttpResponse<String> post(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    return token.isEmpty() ? builder : builder.header("Authorization", "Bearer " + token);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
