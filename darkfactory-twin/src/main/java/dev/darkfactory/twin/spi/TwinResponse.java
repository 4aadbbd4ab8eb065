package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.document.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** A response from a twin. The body array is not copied: do not change it after handing it over. */
public record TwinResponse(int status, Headers headers, byte[] body) {

  public static final String JSON = "application/json";

  public TwinResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public static TwinResponse json(int status, JsonNode body) {
    return json(status, Json.bytes(body));
  }

  public static TwinResponse json(int status, byte[] body) {
    return new TwinResponse(status, Headers.of("Content-Type", JSON), body);
  }

  public static TwinResponse text(int status, String contentType, String body) {
    return new TwinResponse(status, Headers.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  public static TwinResponse empty(int status) {
    return new TwinResponse(status, Headers.EMPTY, new byte[0]);
  }

  public TwinResponse withHeader(String name, String value) {
    return new TwinResponse(status, headers.with(name, value), body);
  }

  public TwinResponse withBody(byte[] newBody) {
    return new TwinResponse(status, headers, newBody);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
