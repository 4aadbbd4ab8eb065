package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.Namespace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reading credentials from requests, and the common {@link NamespaceResolver}s built on them. */
public final class Credentials {

  private Credentials() {}

  /** The token of {@code Authorization: Bearer TOKEN}. */
  public static Optional<String> bearer(TwinRequest request) {
    return request.header("authorization").flatMap(value -> scheme(value, "bearer")).filter(token -> !token.isEmpty());
  }

  /** The user of {@code Authorization: Basic base64(user:password)}. */
  public static Optional<String> basicUser(TwinRequest request) {
    return request.header("authorization").flatMap(value -> scheme(value, "basic")).flatMap(Credentials::decodeUser);
  }

  /** A header's value ({@code X-Api-Key}). */
  public static Optional<String> header(TwinRequest request, String name) {
    return request.header(name).map(String::trim).filter(value -> !value.isEmpty());
  }

  private static Optional<String> scheme(String authorization, String scheme) {
    String trimmed = authorization.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme)) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(space + 1).trim());
  }

  private static Optional<String> decodeUser(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      return user.isEmpty() ? Optional.empty() : Optional.of(user);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64: no basic credential
    }
  }

  /** Every request in one namespace: for services that do not authenticate. */
  public static NamespaceResolver none() {
    return request -> NamespaceResolver.resolved(Namespace.DEFAULT);
  }

  /** A namespace per bearer token; no token is refused with {@code refusal}. */
  public static NamespaceResolver bearerToken(Function<TwinRequest, TwinResponse> refusal) {
    return byCredential(Credentials::bearer, refusal);
  }

  /** A namespace per bearer token or basic-auth user (the way Stripe accepts its keys). */
  public static NamespaceResolver bearerOrBasic(Function<TwinRequest, TwinResponse> refusal) {
    return byCredential(request -> bearer(request).or(() -> basicUser(request)), refusal);
  }

  /** A namespace per value of a header ({@code X-Api-Key}). */
  public static NamespaceResolver headerValue(String name, Function<TwinRequest, TwinResponse> refusal) {
    return byCredential(request -> header(request, name), refusal);
  }

  public static NamespaceResolver byCredential(Function<TwinRequest, Optional<String>> credential,
      Function<TwinRequest, TwinResponse> refusal) {
    return request -> credential.apply(request)
        .map(found -> NamespaceResolver.resolved(Namespace.ofCredential(found)))
        .orElseGet(() -> NamespaceResolver.refused(refusal.apply(request)));
  }
}
