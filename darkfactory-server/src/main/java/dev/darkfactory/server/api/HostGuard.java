package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refuses every request whose {@code Host} header names another site (403), before anything else
 * runs. This is the defence against DNS rebinding: a web page on {@code evil.example} that points
 * its name at 127.0.0.1 reaches this server from the user's browser, but with {@code Host:
 * evil.example}, which is not one of the {@link AllowedHosts}.
 */
final class HostGuard implements Handler {
  private final AllowedHosts hosts;

  HostGuard(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public void handle(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || host.isBlank()) {
      throw new ServerException.Forbidden("a Host header is required");
    }
    if (!hosts.allowsHost(host, ctx.req().getLocalAddr())) {
      throw new ServerException.Forbidden("this server does not answer to the host name in \"Host: " + Texts.clip(host)
          + "\"; if that is a name for this server, start it with --allowed-host NAME");
    }
  }
}
