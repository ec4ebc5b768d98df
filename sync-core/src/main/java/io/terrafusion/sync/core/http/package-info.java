/**
 * The {@code /sync/*} and {@code /health} HTTP endpoints as a handler a host application mounts:
 * {@link io.terrafusion.sync.core.http.SyncHttpHandler} turns an {@link
 * io.terrafusion.sync.core.http.HttpRequest} into an {@link io.terrafusion.sync.core.http.HttpResponse}
 * and knows no web stack; {@link io.terrafusion.sync.core.http.JdkHttpServerAdapter} mounts it on the
 * JDK's {@code com.sun.net.httpserver.HttpServer} and {@link io.terrafusion.sync.core.http.SyncServlet}
 * on a Jakarta Servlet container. Errors are RFC 9457 {@code application/problem+json}; the routes are
 * described by the OpenAPI document {@code openapi.json} next to these classes, served at {@code
 * GET {base}/openapi.json}.
 */
@NullMarked
package io.terrafusion.sync.core.http;

import org.jspecify.annotations.NullMarked;
