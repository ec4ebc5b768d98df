package io.terrafusion.sync.core;

import static io.terrafusion.sync.core.Schemas.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.core.http.SyncServlet;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The servlet adapter against a minimal request and response (no servlet container is available to
 * the build): the context path is stripped, headers, query and body reach the handler, and status,
 * headers and body come back.
 */
class SyncServletTest {

  /** What the servlet wrote. */
  static final class Written {
    int status;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
  }

  @Test
  void servesTheHandlerUnderTheContextPath() throws Exception {
    MemoryStore source = new MemoryStore("source").create(Schemas.items()).put(ITEMS, 1L, "a", 1L);
    MemoryStore target = new MemoryStore("target").create(Schemas.items());
    try (SyncEngine engine = SyncEngine.builder().source(source).target(target).executor(Runnable::run).build()) {
      SyncServlet servlet = new SyncServlet(SyncHttpHandler.builder().engine(engine).basePath("/ops")
          .authorizer(Authorizer.bearerToken("t")).build());

      Written started = call(servlet, "POST", "/app/ops/sync/full", null,
          Map.of("Authorization", "Bearer t", "Content-Type", "application/json"), "{\"tables\": [\"items\"]}");
      assertThat(started.status).isEqualTo(202);
      assertThat(started.headers.get("Location")).startsWith("/ops/sync/status/");
      assertThat(engine.activeJobs()).isEmpty();
      assertThat(target.rows(ITEMS)).hasSize(1);

      Written list = call(servlet, "GET", "/app/ops/sync/status", "limit=1", Map.of("Authorization", "Bearer t"), "");
      assertThat(list.status).isEqualTo(200);
      assertThat(list.body.toString(StandardCharsets.UTF_8)).contains(JobState.SUCCEEDED.name());

      Written denied = call(servlet, "GET", "/app/ops/health", null, Map.of(), "");
      assertThat(denied.status).isEqualTo(401);
      assertThat(denied.headers.get("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  private static Written call(SyncServlet servlet, String method, String uri, String query, Map<String, String> headers,
      String body) throws Exception {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    ServletInputStream in = new BytesIn(body.getBytes(StandardCharsets.UTF_8));
    HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SyncServletTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getMethod" -> method;
          case "getRequestURI" -> uri;
          case "getContextPath" -> "/app";
          case "getQueryString" -> query;
          case "getInputStream" -> in;
          case "getHeaderNames" -> Collections.enumeration(byName.keySet());
          case "getHeaders" -> Collections.enumeration(List.of(byName.get((String) args[0])));
          case "getHeader" -> byName.get((String) args[0]);
          case "getProtocol" -> "HTTP/1.1";
          default -> throw new UnsupportedOperationException(m.getName());
        });
    Written written = new Written();
    ServletOutputStream out = new BytesOut(written.body);
    HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SyncServletTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
          case "setStatus" -> {
            written.status = (Integer) args[0];
            yield null;
          }
          case "setHeader" -> {
            written.headers.put((String) args[0], (String) args[1]);
            yield null;
          }
          case "setContentLength" -> null;
          case "getOutputStream" -> out;
          default -> throw new UnsupportedOperationException(m.getName());
        });
    servlet.service(request, response);
    return written;
  }

  private static final class BytesIn extends ServletInputStream {
    private final ByteArrayInputStream bytes;

    BytesIn(byte[] body) {
      bytes = new ByteArrayInputStream(body);
    }

    @Override
    public boolean isFinished() {
      return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("blocking reads only");
    }

    @Override
    public int read() {
      return bytes.read();
    }
  }

  private static final class BytesOut extends ServletOutputStream {
    private final ByteArrayOutputStream bytes;

    BytesOut(ByteArrayOutputStream bytes) {
      this.bytes = bytes;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("blocking writes only");
    }

    @Override
    public void write(int b) {
      bytes.write(b);
    }
  }
}
