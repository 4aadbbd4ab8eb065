package dev.darkfactory.server;

import dev.darkfactory.server.run.PipelineExecutor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything {@link DarkFactoryServer#create} needs. A non-loopback {@code host} requires a token:
 * the constructor refuses to build an open public server.
 *
 * @param port 0 picks a free port (tests)
 * @param dataDir where runs and the SQLite index live
 * @param token required on every request when present
 * @param indexUrl a PostgreSQL URL for the run index instead of SQLite
 * @param maxRequestBytes the largest request body accepted (413 beyond)
 * @param sseQueueCapacity how many events an SSE client may lag before it is cut off (it then reconnects and replays)
 * @param heartbeat how often an idle SSE stream gets a comment line, which also detects closed clients
 * @param resumeOnStart resume runs that were in flight when the server stopped; otherwise mark them interrupted
 * @param browserGraphs never render on the server (tests of the in-browser renderer)
 * @param allowedHosts host names the {@code Host} header may carry besides the bound address (and,
 *     on loopback, {@code localhost}, {@code 127.0.0.1}, {@code [::1]}): the names a proxy or users
 *     reach the server by; anything else is refused, which stops DNS rebinding
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    Optional<String> token,
    Optional<String> indexUrl,
    long maxRequestBytes,
    PipelineExecutor executor,
    ServerListener listener,
    Clock clock,
    int sseQueueCapacity,
    Duration heartbeat,
    boolean resumeOnStart,
    boolean browserGraphs,
    List<String> allowedHosts) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7777;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(allowedHosts, "allowedHosts");
    allowedHosts = allowedHosts.stream().map(ServerConfig::hostName).distinct().toList();
    if (port < 0 || port > 65535) {
      throw new ServerException.ConfigurationInvalid("--port must be 0 to 65535, not " + port);
    }
    if (token.isPresent() && token.get().length() < 16) {
      throw new ServerException.ConfigurationInvalid("the token must be at least 16 characters (try: openssl rand -hex 24)");
    }
    if (token.isEmpty() && !isLoopback(host)) {
      throw new ServerException.ConfigurationInvalid("binding to " + host + " exposes the server beyond this machine: set a token with --token"
          + " or FACTORY_SERVER_TOKEN, or bind to 127.0.0.1");
    }
    if (maxRequestBytes < 1024) {
      throw new ServerException.ConfigurationInvalid("the request size limit must be at least 1 KiB");
    }
  }

  /** Defaults: 127.0.0.1:7777, no token, SQLite, 1 MiB bodies. */
  public static Builder newBuilder(Path dataDir, PipelineExecutor executor) {
    return new Builder(dataDir, executor);
  }

  /** True for loopback names and addresses; resolving a literal or {@code localhost} needs no network. */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * An allowed host name as compared with {@code Host} headers: lower case, IPv6 without brackets.
   * A name with a scheme, a port, a path or a wildcard is refused with a message saying why.
   */
  private static String hostName(String value) {
    String name = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (!HOST_NAME.matcher(name).matches() && !(name.contains(":") && IPV6.matcher(name).matches())) {
      throw new ServerException.ConfigurationInvalid("--allowed-host \"" + value + "\" is not a host name or IP address"
          + " (give the name alone, without scheme, port or path, for example --allowed-host factory.example.com)");
    }
    return name;
  }

  public boolean authRequired() {
    return token.isPresent();
  }

  /** Builds a {@link ServerConfig}. */
  public static final class Builder {
    private final Path dataDir;
    private final PipelineExecutor executor;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Optional<String> token = Optional.empty();
    private Optional<String> indexUrl = Optional.empty();
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private ServerListener listener = ServerListener.none();
    private Clock clock = Clock.systemUTC();
    private int sseQueueCapacity = 4096;
    private Duration heartbeat = Duration.ofSeconds(15);
    private boolean resumeOnStart = true;
    private boolean browserGraphs;
    private List<String> allowedHosts = List.of();

    private Builder(Path dataDir, PipelineExecutor executor) {
      this.dataDir = dataDir;
      this.executor = executor;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder token(Optional<String> value) {
      token = value;
      return this;
    }

    public Builder indexUrl(Optional<String> value) {
      indexUrl = value;
      return this;
    }

    public Builder maxRequestBytes(long value) {
      maxRequestBytes = value;
      return this;
    }

    public Builder listener(ServerListener value) {
      listener = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public Builder sseQueueCapacity(int value) {
      sseQueueCapacity = value;
      return this;
    }

    public Builder heartbeat(Duration value) {
      heartbeat = value;
      return this;
    }

    public Builder resumeOnStart(boolean value) {
      resumeOnStart = value;
      return this;
    }

    public Builder browserGraphs(boolean value) {
      browserGraphs = value;
      return this;
    }

    /** Host names to answer besides the bound address (see {@link ServerConfig#allowedHosts()}). */
    public Builder allowedHosts(List<String> value) {
      allowedHosts = List.copyOf(value);
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(host, port, dataDir, token, indexUrl, maxRequestBytes, executor, listener, clock,
          sseQueueCapacity, heartbeat, resumeOnStart, browserGraphs, allowedHosts);
    }
  }
}
