package dev.darkfactory.twin.runtime;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} is not this twin (a browser tricked by DNS rebinding into calling the twin
 * with an attacker's host name), and control-plane requests from a web page of another origin (cross-site
 * requests that would reset or reseed the twin).
 */
final class HostCheck {

  private final Set<String> hosts = new HashSet<>();

  HostCheck(String bindHost, Set<String> extra) {
    hosts.addAll(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));
    hosts.add(bindHost.toLowerCase(Locale.ROOT));
    extra.forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
  }

  /** Why the request is refused, if it is. */
  Optional<String> refusal(Optional<String> host, Optional<String> origin, boolean control) {
    if (host.isEmpty()) {
      return Optional.of("the request has no Host header");
    }
    String name = hostName(host.get());
    if (!hosts.contains(name)) {
      return Optional.of("Host '" + host.get() + "' is not this twin; allow it with TwinOptions.allowedHosts");
    }
    if (control && origin.isPresent() && !origin.get().equals("null") && !hosts.contains(originHost(origin.get()))) {
      return Optional.of("the control plane does not accept requests from web pages of origin '" + origin.get() + "'");
    }
    return Optional.empty();
  }

  private static String hostName(String host) {
    String lower = host.toLowerCase(Locale.ROOT).trim();
    if (lower.startsWith("[")) {
      int end = lower.indexOf(']');
      return end < 0 ? lower : lower.substring(0, end + 1);
    }
    int colon = lower.lastIndexOf(':');
    return colon < 0 ? lower : lower.substring(0, colon);
  }

  private static String originHost(String origin) {
    try {
      String host = URI.create(origin).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return ""; // not a URL: not one of ours
    }
  }
}
