package dev.darkfactory.server;

import java.util.Optional;

/**
 * What the server reports about itself. The server never prints: {@code factory serve} renders
 * these on the terminal, tests record them (see {@link ServerListener}).
 */
public sealed interface ServerEvent {

  /** Listening; {@code loginUrl} carries the token when one is required. */
  record Started(String url, Optional<String> loginUrl, String index, boolean graphviz) implements ServerEvent {}

  /** A run found in flight at startup was resumed or marked interrupted. */
  record RunRecovered(String runId, boolean resumed, String detail) implements ServerEvent {}

  /** A run ended with {@code status}. */
  record RunFinished(String runId, String status) implements ServerEvent {}

  /** A request failed with a server error (500); {@code cause} is what the client was not shown. */
  record RequestFailed(String method, String path, String message, Optional<Throwable> cause) implements ServerEvent {}

  /** Stopped; {@code interrupted} runs will be resumed at the next start. */
  record Stopped(int interrupted) implements ServerEvent {}
}
