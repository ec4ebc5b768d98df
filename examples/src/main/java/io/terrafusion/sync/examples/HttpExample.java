package io.terrafusion.sync.examples;

import com.sun.net.httpserver.HttpServer;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.http.Authorizer;
import io.terrafusion.sync.core.http.JdkHttpServerAdapter;
import io.terrafusion.sync.core.http.SyncHttpHandler;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The sync endpoints on the JDK's HTTP server: an H2 source holding the sample county project, an
 * empty H2 target, and the handler mounted under {@code /ops} behind a bearer token. It listens on
 * the loopback address until stopped; the README shows curl calls against it.
 *
 * <p>Run it with {@code java -cp ... io.terrafusion.sync.examples.HttpExample [port]}; the token is
 * {@code TFSYNC_TOKEN} from the environment, else a random one printed at start.
 */
public final class HttpExample implements AutoCloseable {
  private final EmbeddedDatabase source;
  private final EmbeddedDatabase target;
  private final SyncEngine engine;
  private final HttpServer server;

  private HttpExample(int port, String token, int parcels) {
    source = EmbeddedDatabase.h2();
    target = EmbeddedDatabase.h2();
    CountyProject.createSchema(source);
    CountyProject.createSchema(target);
    CountyProject.generate(source.store(), parcels, 42);
    engine = SyncEngine.builder().source(source.store()).target(target.store()).build();
    SyncHttpHandler handler = SyncHttpHandler.builder()
        .engine(engine)
        .basePath("/ops")
        .authorizer(Authorizer.bearerToken(token))
        .build();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    JdkHttpServerAdapter.mount(server, handler);
    server.start();
  }

  /**
   * Starts the example server.
   *
   * @param port the port on the loopback address, or 0 for any free one
   * @param token the bearer token callers must send
   * @param parcels how many parcels the source holds
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static HttpExample start(int port, String token, int parcels) {
    return new HttpExample(port, token, parcels);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Rows in a target table, to see what a sync did. */
  public long targetCount(String table) {
    return target.count(table);
  }

  /** The engine behind the endpoints. */
  public SyncEngine engine() {
    return engine;
  }

  /** Stops the server, then the engine, then drops both databases. */
  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    if (engine != null) {
      engine.close();
    }
    source.close();
    target.close();
  }

  /** Runs the example until the process is stopped; the optional argument is the port (default 8080). */
  public static void main(String[] args) {
    int port = 8080;
    if (args.length > 0) {
      try {
        port = Integer.parseInt(args[0]);
      } catch (NumberFormatException e) {
        System.err.println("usage: HttpExample [port]: port must be a whole number but was " + args[0]);
        System.exit(2);
      }
    }
    String token = System.getenv("TFSYNC_TOKEN");
    if (token == null || token.isBlank()) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      token = HexFormat.of().formatHex(random);
      System.out.println("TFSYNC_TOKEN is not set; this run accepts the token " + token);
    }
    HttpExample example = start(port, token, 2_000);
    Runtime.getRuntime().addShutdownHook(new Thread(example::close));
    System.out.println("Sync endpoints at http://127.0.0.1:" + example.port() + "/ops (Ctrl-C stops)");
  }
}
