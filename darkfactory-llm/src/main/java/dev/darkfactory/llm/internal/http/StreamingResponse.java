package dev.darkfactory.llm.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/** A response whose body is still arriving; {@link #body()} enforces the stream-idle timeout on every read. */
public record StreamingResponse(int status, HttpHeaders headers, InputStream body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Reads the rest of the body (at most 1 MiB): for error responses, which are small JSON documents. */
  public HttpResult readFully() throws IOException {
    try (InputStream in = body) {
      return new HttpResult(status, headers, in.readNBytes(1 << 20));
    }
  }
}
