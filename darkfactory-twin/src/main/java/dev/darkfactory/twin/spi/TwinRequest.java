package dev.darkfactory.twin.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a twin sees it. {@code path} is decoded; {@code rawQuery} is as sent (without {@code ?}, empty when
 * none). The body array is shared, not copied: read it, do not change it.
 */
public record TwinRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {

  public TwinRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public static TwinRequest of(String method, String path) {
    return new TwinRequest(method, path, "", Headers.EMPTY, new byte[0]);
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String contentType() {
    return headers.first("content-type").orElse("");
  }

  /** {@code "POST /v1/customers"}, for messages. */
  public String describe() {
    return method + " " + path;
  }
}
