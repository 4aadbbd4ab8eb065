package dev.darkfactory.twin.runtime;

import java.util.Objects;

/** How the runtime knows an external twin is ready: an HTTP GET that answers 2xx/3xx, or a TCP connection accepted. */
public sealed interface Readiness {

  /** {@code GET path} on the twin's port answers below 400. */
  record HttpGet(String path) implements Readiness {
    public HttpGet {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("A health path starts with '/': " + path);
      }
    }
  }

  /** The twin's port accepts a TCP connection. */
  record Tcp() implements Readiness {}

  static Readiness http(String path) {
    return new HttpGet(path);
  }

  static Readiness tcp() {
    return new Tcp();
  }
}
