package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.journal.JournalLimits;
import dev.darkfactory.twin.webhook.WebhookOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to run a twin. Defaults: loopback, a free port, id seed 0, the system clock, the journal's default caps, the
 * twin's own webhook behaviour, hangs bounded at 10 minutes.
 *
 * @param host the address to listen on ({@code 127.0.0.1}); anything else exposes the twin beyond this machine
 * @param port the port, 0 for a free one
 * @param idSeed the seed of ids and of the fault rules' random draws
 * @param clock where the clock starts: empty for the system clock, or fixed at an instant
 * @param journal the journal's caps
 * @param webhooks delivery settings replacing the twin's own ({@link dev.darkfactory.twin.spi.Twin#webhooks()})
 * @param allowedHosts extra {@code Host} header values accepted besides loopback names and {@code host} (a browser
 *     page on another site cannot reach the twin through DNS rebinding)
 * @param faults rules in force from the start
 * @param faultFiles rule files (JSON or YAML) loaded at start
 * @param seedFiles seed files loaded at start
 * @param maxRequestBytes the largest request body accepted
 * @param hangLimit how long a {@code hang} fault without its own {@code max} holds a request before resetting it
 */
public record TwinOptions(String host, int port, long idSeed, Optional<Instant> clock, JournalLimits journal,
    Optional<WebhookOptions> webhooks, Set<String> allowedHosts, List<FaultRule> faults, List<Path> faultFiles,
    List<Path> seedFiles, long maxRequestBytes, Duration hangLimit) {

  public static final TwinOptions DEFAULT = new TwinOptions("127.0.0.1", 0, 0, Optional.empty(), JournalLimits.DEFAULT,
      Optional.empty(), Set.of(), List.of(), List.of(), List.of(), 10L * 1024 * 1024, Duration.ofMinutes(10));

  public TwinOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(hangLimit, "hangLimit");
    allowedHosts = Set.copyOf(allowedHosts);
    faults = List.copyOf(faults);
    faultFiles = List.copyOf(faultFiles);
    seedFiles = List.copyOf(seedFiles);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("A port is between 0 and 65535, not " + port);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
    }
  }

  public static Builder newBuilder() {
    return new Builder(DEFAULT);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds options; every setter is optional. */
  public static final class Builder {
    private String host;
    private int port;
    private long idSeed;
    private Optional<Instant> clock;
    private JournalLimits journal;
    private Optional<WebhookOptions> webhooks;
    private Set<String> allowedHosts;
    private List<FaultRule> faults;
    private List<Path> faultFiles;
    private List<Path> seedFiles;
    private long maxRequestBytes;
    private Duration hangLimit;

    private Builder(TwinOptions from) {
      host = from.host;
      port = from.port;
      idSeed = from.idSeed;
      clock = from.clock;
      journal = from.journal;
      webhooks = from.webhooks;
      allowedHosts = from.allowedHosts;
      faults = from.faults;
      faultFiles = from.faultFiles;
      seedFiles = from.seedFiles;
      maxRequestBytes = from.maxRequestBytes;
      hangLimit = from.hangLimit;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder idSeed(long value) {
      idSeed = value;
      return this;
    }

    /** Starts with the clock fixed at {@code start}. */
    public Builder clock(Instant start) {
      clock = Optional.of(start);
      return this;
    }

    public Builder journal(JournalLimits value) {
      journal = value;
      return this;
    }

    public Builder webhooks(WebhookOptions value) {
      webhooks = Optional.of(value);
      return this;
    }

    public Builder allowedHosts(Set<String> value) {
      allowedHosts = value;
      return this;
    }

    public Builder faults(List<FaultRule> value) {
      faults = value;
      return this;
    }

    public Builder faultFiles(List<Path> value) {
      faultFiles = value;
      return this;
    }

    public Builder seedFiles(List<Path> value) {
      seedFiles = value;
      return this;
    }

    public Builder maxRequestBytes(long value) {
      maxRequestBytes = value;
      return this;
    }

    public Builder hangLimit(Duration value) {
      hangLimit = value;
      return this;
    }

    public TwinOptions build() {
      return new TwinOptions(host, port, idSeed, clock, journal, webhooks, allowedHosts, faults, faultFiles, seedFiles,
          maxRequestBytes, hangLimit);
    }
  }
}
