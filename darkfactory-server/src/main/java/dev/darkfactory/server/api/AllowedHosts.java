package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names this server answers to, for the {@code Host} and {@code Origin} checks that stop DNS
 * rebinding and cross-site requests.
 *
 * <p>A {@code Host} is allowed when its name (any port: an SSH tunnel may forward another one) is
 * the address the connection arrived on (and the loopback names when that is loopback), the bound
 * address or name, the loopback names when bound to loopback ({@code localhost}, {@code
 * 127.0.0.1}, {@code ::1}), or a configured extra name. A page on {@code evil.example} that
 * rebinds its name to 127.0.0.1 still sends {@code Host: evil.example}, which matches none of them.
 *
 * <p>An {@code Origin} is allowed when it is the same origin as the request's {@code Host} (name
 * and port), or names a configured extra name: behind a proxy that rewrites {@code Host}, the
 * browser's origin is the public name the operator configured.
 */
final class AllowedHosts {
  private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
  private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}");

  private final Set<String> names;
  private final Set<String> extra;

  AllowedHosts(String bindHost, List<String> extra) {
    this.extra = Set.copyOf(extra.stream().map(AllowedHosts::canonical).toList());
    Set<String> all = new HashSet<>(this.extra);
    // The bound address itself, also 0.0.0.0 or ::, which is what the server prints as its address.
    all.add(canonical(stripBrackets(bindHost.toLowerCase(Locale.ROOT))));
    if (ServerConfig.isLoopback(bindHost)) {
      LOOPBACK_NAMES.forEach(name -> all.add(canonical(name)));
    }
    this.names = Set.copyOf(all);
  }

  /** Whether a request with this {@code Host} header, arriving on {@code localAddress}, is for this server. */
  boolean allowsHost(String hostHeader, String localAddress) {
    Optional<Authority> host = Authority.parse(hostHeader);
    if (host.isEmpty()) {
      return false;
    }
    String name = host.get().name();
    if (names.contains(name)) {
      return true;
    }
    String local = localAddress == null ? "" : canonical(stripScope(localAddress.toLowerCase(Locale.ROOT)));
    if (name.equals(local)) {
      return true;
    }
    return isLoopbackLiteral(local) && LOOPBACK_NAMES.stream().map(AllowedHosts::canonical).anyMatch(name::equals);
  }

  /** Whether {@code origin} may send a state-changing request that carries {@code hostHeader}. */
  boolean allowsOrigin(String origin, String hostHeader) {
    Optional<Origin> parsed = Origin.parse(origin);
    if (parsed.isEmpty()) {
      return false;
    }
    Origin from = parsed.get();
    if (extra.contains(from.authority().name())) {
      return true;
    }
    Optional<Authority> host = Authority.parse(hostHeader);
    return host.isPresent() && host.get().name().equals(from.authority().name())
        && host.get().port().orElse(from.defaultPort()) == from.authority().port().orElse(from.defaultPort());
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isLoopbackLiteral(String address) {
    return address.startsWith("127.") || address.equals(canonical("::1"));
  }

  private static String stripScope(String address) {
    int percent = address.indexOf('%');
    return percent < 0 ? address : address.substring(0, percent);
  }

  /**
   * IPv6 literals in one spelling ({@code 0:0:0:0:0:0:0:1} and {@code ::1} are the same address).
   * Only strings with a colon are parsed, and {@link InetAddress} parses those as literals without
   * any lookup; names and IPv4 addresses are compared as written.
   */
  static String canonical(String name) {
    if (!name.contains(":")) {
      return name;
    }
    try {
      return InetAddress.getByName(name).getHostAddress().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      return name;
    }
  }

  /** The {@code host[:port]} of a {@code Host} header or an origin; IPv6 in brackets. */
  record Authority(String name, OptionalInt port) {
    static Optional<Authority> parse(String text) {
      if (text == null || text.isEmpty()) {
        return Optional.empty();
      }
      String value = text.toLowerCase(Locale.ROOT);
      String name;
      String rest;
      if (value.startsWith("[")) {
        int close = value.indexOf(']');
        if (close < 0) {
          return Optional.empty();
        }
        name = value.substring(1, close);
        rest = value.substring(close + 1);
        if (!IPV6.matcher(name).matches()) {
          return Optional.empty();
        }
        name = canonical(name);
      } else {
        int colon = value.indexOf(':');
        name = colon < 0 ? value : value.substring(0, colon);
        rest = colon < 0 ? "" : value.substring(colon);
        if (!NAME.matcher(name).matches()) {
          return Optional.empty();
        }
      }
      if (rest.isEmpty()) {
        return Optional.of(new Authority(name, OptionalInt.empty()));
      }
      if (!PORT.matcher(rest).matches()) {
        return Optional.empty();
      }
      int port = Integer.parseInt(rest.substring(1));
      return port > 65535 ? Optional.empty() : Optional.of(new Authority(name, OptionalInt.of(port)));
    }
  }

  /** An {@code Origin} header: {@code http} or {@code https}, and an authority; nothing else ({@code null} is no origin). */
  record Origin(boolean https, Authority authority) {
    static Optional<Origin> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String value = text.strip().toLowerCase(Locale.ROOT);
      boolean https = value.startsWith("https://");
      if (!https && !value.startsWith("http://")) {
        return Optional.empty();
      }
      return Authority.parse(value.substring(https ? 8 : 7)).map(authority -> new Origin(https, authority));
    }

    int defaultPort() {
      return https ? 443 : 80;
    }
  }
}
