package dev.darkfactory.server.api;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries, from a route, a static file, the error mapper or Jetty's
 * own error handling alike: no MIME sniffing, no referrer, no framing, and a Content-Security-Policy
 * that allows only the server's own scripts, styles, images and connections.
 *
 * <p>The policy has no {@code 'unsafe-inline'} and no {@code 'unsafe-eval'}: a link or markup that
 * slipped past the SVG sanitiser still cannot run script. {@code 'wasm-unsafe-eval'} is there only
 * because the bundled Graphviz ({@code vendor/viz-global.js}) is WebAssembly, which the browser
 * compiles only with it; it allows compiling WebAssembly, not evaluating JavaScript strings.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'");

  private static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer");

  private SecurityHeaders() {}

  /** Sets each header through {@code header} (Javalin's {@code ctx::header} or a Jetty field setter). */
  static void apply(BiConsumer<String, String> header) {
    HEADERS.forEach(header);
  }
}
