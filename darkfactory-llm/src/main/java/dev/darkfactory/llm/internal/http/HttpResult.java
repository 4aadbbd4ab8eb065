package dev.darkfactory.llm.internal.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A fully read HTTP response. */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
