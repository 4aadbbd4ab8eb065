package dev.darkfactory.twin.slack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One namespace of the Slack twin: a workspace (team) with its users (the app's bot user among them), channels with
 * their members and messages, further tokens, the app's event subscriptions and the ephemeral messages shown. Objects
 * are kept in the API's own form, so a snapshot reads like Slack's JSON. Accessed only under the namespace's lock
 * (the runtime's guarantee), hence plain collections.
 */
public final class SlackState {

  final ObjectNode team;
  final Bot bot;
  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, Channel> channels = new LinkedHashMap<>();
  final Map<String, TokenGrant> tokens = new LinkedHashMap<>();
  final List<ObjectNode> ephemeral = new ArrayList<>();
  Optional<AppConfig> app = Optional.empty();
  /** The last {@code ts} given out, in microseconds: the next is later. */
  long lastTs;
  /** Tier rate-limit windows: not part of the state's JSON, like Slack's own counters. */
  final RateLimiter rates = new RateLimiter();

  SlackState(ObjectNode team, Bot bot) {
    this.team = team;
    this.bot = bot;
  }

  String teamId() {
    return team.path("id").asString();
  }

  String domain() {
    return team.path("domain").asString();
  }

  /** A new message timestamp: the clock's, or one microsecond after the last when the clock has not moved past it. */
  String nextTs(Instant now) {
    lastTs = Math.max(Timestamps.micros(now), lastTs + 1);
    return Timestamps.format(lastTs);
  }

  Optional<Channel> channelByName(String name) {
    String bare = name.startsWith("#") ? name.substring(1) : name;
    return channels.values().stream().filter(channel -> channel.name().equals(bare)).findFirst();
  }

  /** The first human owner: who a user token named only by itself acts as. */
  String primaryOwner() {
    return users.values().stream().filter(user -> user.path("is_primary_owner").asBoolean()).findFirst()
        .or(() -> users.values().stream().filter(user -> !user.path("is_bot").asBoolean()
            && !user.path("id").asString().equals(Workspaces.SLACKBOT)).findFirst())
        .map(user -> user.path("id").asString()).orElse(bot.userId());
  }
}
