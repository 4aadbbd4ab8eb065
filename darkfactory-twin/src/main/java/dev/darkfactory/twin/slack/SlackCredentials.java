package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.spi.Credentials;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Slack's authentication, in Slack's order: a method that does not exist is {@code unknown_method} whoever asks;
 * then the token, from {@code Authorization: Bearer} or a {@code token} argument of the query or a form body (never
 * of a JSON body); none is {@code not_authed}, one that is not a bot or user token is {@code invalid_auth}
 * ({@code not_allowed_token_type} for app-level {@code xapp-} tokens). All are HTTP 200, as Slack answers them. A
 * token's namespace is its workspace ({@link TokenDirectory}).
 */
final class SlackCredentials implements NamespaceResolver {

  static final String PREFIX = "/api/";
  private static final Pattern TOKEN = Pattern.compile("(xoxe\\.)?xox[bp]-[\\x21-\\x7e]+");

  private final Set<String> methods;
  private final TokenDirectory directory;
  private final IdGenerator requestIds = new IdGenerator(0, "slack-auth");

  SlackCredentials(Set<String> methods, TokenDirectory directory) {
    this.methods = Set.copyOf(methods);
    this.directory = directory;
  }

  /** The request's token, where Slack reads it. */
  static Optional<String> token(TwinRequest request) {
    return Credentials.bearer(request).or(() -> SlackArgs.token(request));
  }

  @Override
  public Resolution resolve(TwinRequest request) {
    String path = request.path();
    if (!path.startsWith(PREFIX)) {
      return NamespaceResolver.refused(TwinResponse.text(404, "text/html; charset=utf-8",
          "<html><body><h1>404 Not Found</h1><p>Slack's Web API lives under /api/ (a Slack twin).</p></body></html>"));
    }
    String method = path.substring(PREFIX.length());
    if (!methods.contains(method)) {
      return NamespaceResolver.refused(SlackResponses.error("unknown_method", SlackJson.object().put("req_method", method),
          java.util.List.of(), requestIds));
    }
    Optional<String> token = token(request);
    if (token.isEmpty()) {
      return NamespaceResolver.refused(SlackResponses.error("not_authed", requestIds));
    }
    if (token.get().startsWith("xapp-")) {
      return NamespaceResolver.refused(SlackResponses.error("not_allowed_token_type", requestIds));
    }
    if (!TOKEN.matcher(token.get()).matches()) {
      return NamespaceResolver.refused(SlackResponses.error("invalid_auth", requestIds));
    }
    return NamespaceResolver.resolved(directory.namespaceOf(token.get()));
  }
}
