package dev.darkfactory.server;

/** Receives {@link ServerEvent}s; called from request and run threads, so it must be thread-safe. */
@FunctionalInterface
public interface ServerListener {

  void onEvent(ServerEvent event);

  static ServerListener none() {
    return event -> {};
  }
}
