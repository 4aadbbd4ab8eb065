package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.spi.Credentials;
import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.TwinResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A twin that runs as its own process, in any language (docs/twins.md, "External twins" has the contract). The
 * runtime picks a free loopback port for it, passes it as {@code TWIN_PORT} (and {@code PORT}) and in place of
 * {@code {port}} in the command, waits for {@link Readiness} within {@code startTimeout}, and puts a gateway in
 * front that provides the journal and faults and forwards reset, seed, snapshot, clock and ids to the twin.
 *
 * @param name the twin's name
 * @param command the program and its arguments
 * @param directory the working directory (empty: the current one)
 * @param environment variables for the process, added to a minimal inherited set (PATH, HOME, LANG, ...): the
 *     process gets no other variable of this JVM's environment, so no secret reaches it unasked
 * @param readiness how to tell it is up
 * @param startTimeout how long it may take
 * @param namespaces how the gateway maps requests to namespaces (passed on as {@code X-Twin-Namespace})
 * @param errors the vendor's error bodies, for faults injected by the gateway
 */
public record ExternalTwin(String name, List<String> command, Optional<Path> directory, Map<String, String> environment,
    Readiness readiness, Duration startTimeout, NamespaceResolver namespaces, ErrorFormat errors) {

  public ExternalTwin {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    Objects.requireNonNull(directory, "directory");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(errors, "errors");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("Twin '" + name + "' needs a command to run");
    }
  }

  /** A twin run by {@code command}, ready when {@code GET /__twin/health} answers, with 30 s to start. */
  public static Builder command(String name, List<String> command) {
    return new Builder(name, command);
  }

  /** Builds an external twin. */
  public static final class Builder {
    private final String name;
    private final List<String> command;
    private Optional<Path> directory = Optional.empty();
    private Map<String, String> environment = Map.of();
    private Readiness readiness = Readiness.http("/__twin/health");
    private Duration startTimeout = Duration.ofSeconds(30);
    private NamespaceResolver namespaces = Credentials.bearerOrBasic(request -> TwinResponse.json(401,
        dev.darkfactory.twin.document.Json.object().set("error", dev.darkfactory.twin.document.Json.object()
            .put("status", 401).put("message", "No credential: send Authorization: Bearer TOKEN"))));
    private ErrorFormat errors = ErrorFormat.generic();

    private Builder(String name, List<String> command) {
      this.name = name;
      this.command = command;
    }

    public Builder directory(Path value) {
      directory = Optional.of(value);
      return this;
    }

    public Builder environment(Map<String, String> value) {
      environment = value;
      return this;
    }

    public Builder readiness(Readiness value) {
      readiness = value;
      return this;
    }

    public Builder startTimeout(Duration value) {
      startTimeout = value;
      return this;
    }

    public Builder namespaces(NamespaceResolver value) {
      namespaces = value;
      return this;
    }

    public Builder errors(ErrorFormat value) {
      errors = value;
      return this;
    }

    public ExternalTwin build() {
      return new ExternalTwin(name, command, directory, environment, readiness, startTimeout, namespaces, errors);
    }
  }
}
