package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.RouteTable;
import dev.darkfactory.twin.spi.StateModel;
import dev.darkfactory.twin.spi.Twin;
import dev.darkfactory.twin.webhook.RetryPolicy;
import dev.darkfactory.twin.webhook.WebhookOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The Slack twin: the Web API methods a typical app uses ({@code auth.test}, {@code chat.*}, {@code conversations.*},
 * {@code users.*}, {@code reactions.*}) under {@code /api/}, in Slack's wire format (form or JSON bodies, bearer or
 * {@code token} argument, HTTP 200 {@code {"ok": false, "error": ...}}, warnings, cursor pagination), with Events API
 * delivery to the app's Request URL signed with {@code X-Slack-Signature}. Each token is its own workspace, unless a
 * seed lists it as a further token of another. Fidelity is measured with slack-api-client; docs/twins.md has the
 * coverage table.
 *
 * <pre>{@code
 * try (TwinServer slack = TwinServer.start(SlackTwin.create())) {
 *   SlackConfig config = new SlackConfig();
 *   config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
 *   ChatPostMessageResponse posted = Slack.getInstance(config).methods("xoxb-test")
 *       .chatPostMessage(r -> r.channel("#general").text("hello"));
 * }
 * }</pre>
 */
public final class SlackTwin implements Twin<SlackState> {

  /**
   * Slack retries a failed event "nearly immediately, then after 1 minute, then after 5 minutes", and counts an
   * answer that takes longer than 3 seconds as failed.
   */
  public static final WebhookOptions EVENT_DELIVERY = WebhookOptions.DEFAULT
      .withRetry(RetryPolicy.after(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5)))
      .withTimeout(Duration.ofSeconds(3));

  private final WebhookOptions webhooks;
  private final SlackMethods methods;
  private final RouteTable<SlackState> routes;
  private final SlackCredentials credentials;
  private final SlackStateModel state;
  private final SlackErrors errors = new SlackErrors();

  private SlackTwin(WebhookOptions webhooks, boolean tierLimits) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    TokenDirectory directory = new TokenDirectory();
    this.methods = SlackMethods.create(tierLimits);
    this.routes = methods.table();
    this.credentials = new SlackCredentials(methods.names(), directory);
    this.state = new SlackStateModel(directory, new UrlVerification(webhooks, Clock.systemUTC()));
  }

  public static SlackTwin create() {
    return newBuilder().build();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public NamespaceResolver namespaces() {
    return credentials;
  }

  @Override
  public RouteTable<SlackState> routes() {
    return routes;
  }

  @Override
  public StateModel<SlackState> state() {
    return state;
  }

  @Override
  public ErrorFormat errors() {
    return errors;
  }

  @Override
  public WebhookOptions webhooks() {
    return webhooks;
  }

  /** The Web API methods the twin serves. */
  public Set<String> methods() {
    return Set.copyOf(methods.names());
  }

  /** Builds a Slack twin; the defaults are Slack's event retries and no tier rate limits (faults give 429s). */
  public static final class Builder {
    private WebhookOptions webhooks = EVENT_DELIVERY;
    private boolean tierLimits;

    private Builder() {}

    /** Event delivery (retries, timeout, loopback-only, signature clock); also used for the url_verification handshake. */
    public Builder webhooks(WebhookOptions options) {
      this.webhooks = options;
      return this;
    }

    /**
     * Enforces Slack's rate-limit tiers per workspace and method on the twin's clock (Tier 1: 1, Tier 2: 20, Tier 3:
     * 50, Tier 4: 100 calls a minute; chat.postMessage 60 a minute per channel), answering 429 {@code ratelimited}
     * with {@code Retry-After} as Slack does. Off by default.
     */
    public Builder tierRateLimits(boolean enforce) {
      this.tierLimits = enforce;
      return this;
    }

    public SlackTwin build() {
      return new SlackTwin(webhooks, tierLimits);
    }
  }
}
