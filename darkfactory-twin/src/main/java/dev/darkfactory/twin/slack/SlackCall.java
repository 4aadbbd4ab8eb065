package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.spi.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Web API call as a method handler sees it: the arguments, who the token acts as, the workspace, the twin's time,
 * the warnings to send, and lookups that fail with Slack's error codes.
 */
final class SlackCall {

  final Call<SlackState> call;
  final SlackState state;
  final SlackArgs args;
  final Identity identity;
  final Instant now;
  final SlackEvents events;
  final List<String> warnings = new ArrayList<>();

  SlackCall(Call<SlackState> call, SlackArgs args, Identity identity, SlackEvents events) {
    this.call = call;
    this.state = call.state();
    this.args = args;
    this.identity = identity;
    this.now = call.now();
    this.events = events;
    warnings.addAll(args.warnings());
  }

  String nextTs() {
    return state.nextTs(now);
  }

  /**
   * The channel named by argument {@code name} (its id), as the caller may see it: a private channel the caller is
   * not in does not exist for them. Missing or unknown is {@code channel_not_found}.
   */
  Channel channel(String name) {
    String id = args.string(name).orElseThrow(() -> SlackError.of("channel_not_found"));
    Channel channel = state.channels.get(id);
    if (channel == null || (channel.isPrivate() && !channel.members.contains(identity.userId()))) {
      throw SlackError.of("channel_not_found");
    }
    return channel;
  }

  /** {@code not_in_channel} unless the caller is a member. */
  void requireMember(Channel channel) {
    if (!channel.members.contains(identity.userId())) {
      throw SlackError.of("not_in_channel");
    }
  }

  void requireNotArchived(Channel channel) {
    if (channel.isArchived()) {
      throw SlackError.of("is_archived");
    }
  }

  ObjectNode user(String id, String error) {
    ObjectNode user = state.users.get(id);
    if (user == null) {
      throw SlackError.of(error);
    }
    return user;
  }

  /** The channel as this caller sees it ({@code is_member} is theirs), with {@code num_members} when asked. */
  ObjectNode render(Channel channel, boolean numMembers) {
    ObjectNode rendered = channel.info.deepCopy();
    rendered.put("is_member", channel.members.contains(identity.userId()));
    if (numMembers) {
      rendered.put("num_members", channel.members.size());
    }
    return rendered;
  }

  /** A user as this caller may see them: the email only with {@code users:read.email}. */
  ObjectNode render(ObjectNode user) {
    ObjectNode rendered = user.deepCopy();
    if (!identity.scopes().contains("users:read.email") && rendered.path("profile") instanceof ObjectNode profile) {
      profile.remove("email");
    }
    return rendered;
  }

  Optional<String> string(String name) {
    return args.string(name);
  }
}
