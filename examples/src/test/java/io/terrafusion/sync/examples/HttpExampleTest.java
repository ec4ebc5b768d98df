package io.terrafusion.sync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpExampleTest {
  private static final String TOKEN = "example-token";

  @Test
  void startsAFullSyncWithTheTokenAndRefusesItWithout() throws IOException {
    try (HttpExample example = HttpExample.start(0, TOKEN, 30)) {
      assertThat(call(example, "POST", "/ops/sync/full", null, "{}").status()).isEqualTo(401);
      Answer started = call(example, "POST", "/ops/sync/full", TOKEN, "{\"tables\": [\"owners\"]}");
      assertThat(started.status()).isEqualTo(202);
      assertThat(started.location()).startsWith("/ops/sync/status/");
      String id = started.location().substring("/ops/sync/status/".length());
      example.engine().job(id).orElseThrow().result().join();

      Answer status = call(example, "GET", started.location(), TOKEN, null);
      assertThat(status.body()).contains("\"state\":\"SUCCEEDED\"");
      assertThat(example.targetCount("owners")).isPositive();
      assertThat(call(example, "GET", "/ops/health", TOKEN, null).status()).isEqualTo(200);
    }
  }

  record Answer(int status, String location, String body) {}

  private static Answer call(HttpExample example, String method, String path, String token, String body)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + example.port() + path)
        .toURL().openConnection();
    connection.setRequestMethod(method);
    if (token != null) {
      connection.setRequestProperty("Authorization", "Bearer " + token);
    }
    if (body != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, String.valueOf(connection.getHeaderField("Location")), text);
    } finally {
      connection.disconnect();
    }
  }
}
