package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the token on every request (API, SSE and static files alike) when the server has one.
 * Accepted as {@code Authorization: Bearer TOKEN}, as the {@code factory_token} cookie, or once as
 * {@code ?token=TOKEN} (the login link {@code factory serve} prints), which sets the cookie and
 * redirects to the same page without the token in its address. Compared in constant time.
 */
final class AccessGuard implements Handler {
  static final String COOKIE = "factory_token";

  private final byte[] expected;

  AccessGuard(String token) {
    this.expected = digest(token);
  }

  @Override
  public void handle(Context ctx) {
    String query = ctx.queryParam("token");
    if (query != null && matches(query) && ctx.method().name().equals("GET")) {
      Cookie cookie = new Cookie(COOKIE, query);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.STRICT);
      cookie.setPath("/");
      ctx.cookie(cookie);
      ctx.redirect(sameOrigin(ctx.path()));
      ctx.skipRemainingHandlers();
      return;
    }
    Optional<String> presented = bearer(ctx).or(() -> Optional.ofNullable(ctx.cookie(COOKIE)));
    if (presented.isEmpty()) {
      throw new ServerException.Unauthorized("this server requires a token: send Authorization: Bearer TOKEN, or open the login link printed by 'factory serve'");
    }
    if (!matches(presented.get())) {
      throw new ServerException.Unauthorized("the token is not valid for this server");
    }
  }

  /**
   * Where the login link sends the browser: the same path, but only as a path on this origin. A
   * request for {@code //evil.example/?token=...} must not answer {@code Location: //evil.example/},
   * which browsers read as another host; anything that is not a plain absolute path goes to {@code /}.
   */
  static String sameOrigin(String path) {
    boolean plain = path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0
        && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    return plain ? path : "/";
  }

  private static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip());
    }
    return Optional.empty();
  }

  /** Digests first so the comparison takes the same time whatever the lengths. */
  private boolean matches(String candidate) {
    return MessageDigest.isEqual(expected, digest(candidate));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
