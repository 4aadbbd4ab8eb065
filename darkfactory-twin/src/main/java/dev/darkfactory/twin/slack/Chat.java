package dev.darkfactory.twin.slack;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chat.postMessage} (threads through {@code thread_ts}), {@code chat.update}, {@code chat.delete},
 * {@code chat.postEphemeral} and {@code chat.getPermalink}, with Slack's errors and the events they cause.
 */
final class Chat {

  private Chat() {}

  static void register(SlackMethods methods) {
    methods.add("chat.postMessage", Tier.POST_MESSAGE, List.of("chat:write", "chat:write:bot", "chat:write:user"), Chat::post);
    methods.add("chat.update", Tier.TIER_3, List.of("chat:write", "chat:write:bot", "chat:write:user"), Chat::update);
    methods.add("chat.delete", Tier.TIER_3, List.of("chat:write", "chat:write:bot", "chat:write:user"), Chat::delete);
    methods.add("chat.postEphemeral", Tier.TIER_4, List.of("chat:write", "chat:write:bot", "chat:write:user"), Chat::ephemeral);
    methods.add("chat.getPermalink", Tier.TIER_4, List.of(), Chat::permalink);
  }

  /** The channel of a post: by id, or by name ({@code #general}) as chat.postMessage allows. */
  private static Channel target(SlackCall call) {
    String given = call.string("channel").orElseThrow(() -> SlackError.of("channel_not_found"));
    Channel channel = call.state.channels.get(given);
    if (channel == null) {
      channel = call.state.channelByName(given).orElseThrow(() -> SlackError.of("channel_not_found"));
    }
    if (channel.isPrivate() && !channel.members.contains(call.identity.userId())) {
      throw SlackError.of("channel_not_found");
    }
    return channel;
  }

  /** Posting needs membership, except in public channels with {@code chat:write.public}. */
  private static void requireCanPost(SlackCall call, Channel channel) {
    if (!channel.members.contains(call.identity.userId())
        && !(call.identity.scopes().contains("chat:write.public") && !channel.isPrivate())) {
      throw SlackError.of("not_in_channel");
    }
  }

  private static ObjectNode post(SlackCall call) {
    Channel channel = target(call);
    call.requireNotArchived(channel);
    requireCanPost(call, channel);
    ObjectNode parent = null;
    if (call.string("thread_ts").isPresent()) {
      parent = channel.message(call.string("thread_ts").get()).orElseThrow(() -> SlackError.of("thread_not_found"));
      if (parent.has("thread_ts") && !parent.path("thread_ts").asString().equals(parent.path("ts").asString())) {
        parent = channel.message(parent.path("thread_ts").asString()).orElseThrow(() -> SlackError.of("thread_not_found"));
      }
    }
    ObjectNode message = Messages.compose(call);
    String ts = message.path("ts").asString();
    if (parent != null) {
      String threadTs = parent.path("ts").asString();
      parent.put("thread_ts", threadTs);
      message.put("thread_ts", threadTs).put("parent_user_id", parent.path("user").asString(""));
    }
    channel.messages.put(Timestamps.parse(ts).orElseThrow(), message);
    call.events.message(call, channel, message);
    ObjectNode body = SlackJson.object().put("channel", channel.id()).put("ts", ts);
    body.set("message", Messages.stored(message));
    return body;
  }

  private static ObjectNode existing(SlackCall call, Channel channel) {
    String ts = call.string("ts").orElseThrow(() -> SlackError.of("message_not_found"));
    ObjectNode message = channel.message(ts).orElseThrow(() -> SlackError.of("message_not_found"));
    if (message.path("subtype").asString("").equals("tombstone")) {
      throw SlackError.of("message_not_found");
    }
    return message;
  }

  private static boolean ownsOrAdmin(SlackCall call, ObjectNode message) {
    if (call.identity.userId().equals(message.path("user").asString())) {
      return true;
    }
    ObjectNode user = call.state.users.get(call.identity.userId());
    return !call.identity.isBot() && user != null && user.path("is_admin").asBoolean();
  }

  private static ObjectNode update(SlackCall call) {
    Channel channel = call.channel("channel");
    ObjectNode message = existing(call, channel);
    call.requireNotArchived(channel);
    if (!call.identity.userId().equals(message.path("user").asString()) || message.has("subtype")) {
      throw SlackError.of("cant_update_message");
    }
    ObjectNode previous = message.deepCopy();
    Messages.content(call, message);
    message.putObject("edited").put("user", call.identity.botId().orElse(call.identity.userId())).put("ts", call.nextTs());
    call.events.messageChanged(call, channel, message, previous);
    ObjectNode body = SlackJson.object().put("channel", channel.id()).put("ts", message.path("ts").asString())
        .put("text", message.path("text").asString());
    body.set("message", Messages.stored(message));
    return body;
  }

  private static ObjectNode delete(SlackCall call) {
    Channel channel = call.channel("channel");
    ObjectNode message = existing(call, channel);
    if (!ownsOrAdmin(call, message)) {
      throw SlackError.of("cant_delete_message");
    }
    String ts = message.path("ts").asString();
    long key = Timestamps.parse(ts).orElseThrow();
    boolean parentWithReplies = ts.equals(message.path("thread_ts").asString("")) && !channel.replies(ts).isEmpty();
    if (parentWithReplies) {
      // Slack keeps a deleted thread parent as a tombstone, so the replies still hang from something.
      ObjectNode tombstone = SlackJson.object().put("user", Workspaces.SLACKBOT).put("type", "message").put("subtype", "tombstone")
          .put("text", "This message was deleted.").put("ts", ts).put("thread_ts", ts).put("hidden", true);
      channel.messages.put(key, tombstone);
    } else {
      channel.messages.remove(key);
    }
    call.events.messageDeleted(call, channel, message);
    return SlackJson.object().put("channel", channel.id()).put("ts", ts);
  }

  private static ObjectNode ephemeral(SlackCall call) {
    Channel channel = target(call);
    String user = call.string("user").orElseThrow(() -> SlackError.of("user_not_found"));
    call.user(user, "user_not_found");
    call.requireNotArchived(channel);
    requireCanPost(call, channel);
    if (!channel.members.contains(user)) {
      throw SlackError.of("user_not_in_channel");
    }
    ObjectNode message = Messages.compose(call);
    String ts = message.path("ts").asString();
    call.string("thread_ts").ifPresent(threadTs -> message.put("thread_ts", threadTs));
    ObjectNode shown = SlackJson.object().put("channel", channel.id()).put("user", user);
    shown.set("message", message);
    call.state.ephemeral.add(shown);
    return SlackJson.object().put("message_ts", ts);
  }

  private static ObjectNode permalink(SlackCall call) {
    Channel channel = call.channel("channel");
    String ts = call.string("message_ts").orElseThrow(() -> SlackError.of("message_not_found"));
    ObjectNode message = channel.message(ts).orElseThrow(() -> SlackError.of("message_not_found"));
    String link = "https://" + call.state.domain() + ".slack.com/archives/" + channel.id() + "/p" + ts.replace(".", "");
    String threadTs = message.path("thread_ts").asString("");
    if (!threadTs.isEmpty() && !threadTs.equals(ts)) {
      link += "?thread_ts=" + threadTs + "&cid=" + channel.id();
    }
    return SlackJson.object().put("channel", channel.id()).put("permalink", link);
  }
}
