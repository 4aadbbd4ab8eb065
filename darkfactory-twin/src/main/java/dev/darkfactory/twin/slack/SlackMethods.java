package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.spi.Call;
import dev.darkfactory.twin.spi.RouteTable;
import dev.darkfactory.twin.spi.TwinResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Web API's methods and what every call shares: arguments from the query and body, who the token acts as
 * ({@code account_inactive} for a deleted user), the scope check ({@code missing_scope} with {@code needed} and
 * {@code provided}), the optional tier rate limit (429 {@code ratelimited} with {@code Retry-After}), Slack's body and
 * headers ({@code X-OAuth-Scopes}, {@code X-Accepted-OAuth-Scopes}). Every method answers GET and POST on
 * {@code /api/METHOD}.
 */
final class SlackMethods {

  private final boolean tierLimits;
  private final SlackEvents events = new SlackEvents();
  private final Map<String, SlackMethod> methods = new LinkedHashMap<>();

  private SlackMethods(boolean tierLimits) {
    this.tierLimits = tierLimits;
  }

  static SlackMethods create(boolean tierLimits) {
    SlackMethods methods = new SlackMethods(tierLimits);
    Auth.register(methods);
    Chat.register(methods);
    Conversations.register(methods);
    History.register(methods);
    Users.register(methods);
    Reactions.register(methods);
    return methods;
  }

  void add(String name, Tier tier, List<String> scopes, SlackMethod.Handler handler) {
    if (methods.putIfAbsent(name, new SlackMethod(name, tier, scopes, handler)) != null) {
      throw new IllegalStateException("Method registered twice: " + name);
    }
  }

  Set<String> names() {
    return methods.keySet();
  }

  RouteTable<SlackState> table() {
    RouteTable.Builder<SlackState> table = RouteTable.newBuilder();
    for (SlackMethod method : methods.values()) {
      table.get(SlackCredentials.PREFIX + method.name(), call -> serve(call, method));
      table.post(SlackCredentials.PREFIX + method.name(), call -> serve(call, method));
    }
    return table.build();
  }

  private TwinResponse serve(Call<SlackState> call, SlackMethod method) {
    Identity identity = identity(call);
    TwinResponse response = answer(call, method, identity);
    return response.withHeader("X-OAuth-Scopes", String.join(",", identity.scopes()))
        .withHeader("X-Accepted-OAuth-Scopes", String.join(",", method.scopes()));
  }

  private TwinResponse answer(Call<SlackState> call, SlackMethod method, Identity identity) {
    SlackArgs args;
    try {
      args = SlackArgs.parse(call.request());
    } catch (SlackError error) {
      return SlackResponses.error(error.code, error.extra, List.of(), call.ids());
    }
    ObjectNode user = call.state().users.get(identity.userId());
    if (user != null && user.path("deleted").asBoolean()) {
      return SlackResponses.error("account_inactive", SlackJson.object(), args.warnings(), call.ids());
    }
    if (!method.scopes().isEmpty() && !identity.hasAny(method.scopes())) {
      ObjectNode extra = SlackJson.object().put("needed", String.join(",", method.scopes()))
          .put("provided", String.join(",", identity.scopes()));
      return SlackResponses.error("missing_scope", extra, args.warnings(), call.ids());
    }
    if (tierLimits) {
      String key = method.tier() == Tier.POST_MESSAGE ? method.name() + ":" + args.string("channel").orElse("") : method.name();
      Optional<Duration> wait = call.state().rates.acquire(key, method.tier().perMinute, call.now());
      if (wait.isPresent()) {
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        return SlackResponses.answer(429, SlackJson.object().put("ok", false).put("error", "ratelimited"), call.ids())
            .withHeader("Retry-After", Long.toString(seconds));
      }
    }
    SlackCall slackCall = new SlackCall(call, args, identity, events);
    try {
      return SlackResponses.ok(method.handler().handle(slackCall), slackCall.warnings, call.ids());
    } catch (SlackError error) {
      return SlackResponses.error(error.code, error.extra, slackCall.warnings, call.ids());
    }
  }

  /** Who the call's token acts as: a token the workspace lists, else its bot (bot tokens) or its owner (user tokens). */
  private static Identity identity(Call<SlackState> call) {
    SlackState state = call.state();
    String token = SlackCredentials.token(call.request()).orElse("");
    TokenGrant grant = state.tokens.get(Namespace.ofCredential(token).id());
    if (grant != null) {
      ObjectNode user = state.users.get(grant.userId());
      boolean bot = grant.userId().equals(state.bot.userId()) || (user != null && user.path("is_bot").asBoolean());
      return new Identity(grant.userId(), bot ? Optional.of(state.bot.botId()) : Optional.empty(), grant.scopes());
    }
    boolean botToken = token.startsWith("xoxb-") || token.startsWith("xoxe.xoxb-");
    return botToken ? state.bot.identity() : new Identity(state.primaryOwner(), Optional.empty(), TokenGrant.DEFAULT_USER_SCOPES);
  }
}
