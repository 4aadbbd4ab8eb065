package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.webhook.Webhook;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Events API: what happens in a workspace becomes an {@code event_callback} envelope delivered to the app's
 * Request URL, signed with its signing secret, when the app subscribes to it and its bot user is in the channel (as
 * Slack sends channel events only to apps in the channel). Messages the bot posts itself are delivered too, as at
 * Slack (which is why apps filter on {@code bot_id}).
 */
final class SlackEvents {

  static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";
  private static final SlackSignature SIGNER = new SlackSignature();
  private static final Map<String, String> HEADERS = Map.of("User-Agent", USER_AGENT, "Accept", "*/*");

  /** A message in a channel: {@code message} (message.channels, message.groups) and {@code app_mention}. */
  void message(SlackCall call, Channel channel, ObjectNode message) {
    ObjectNode event = Messages.stored(message);
    event.put("channel", channel.id()).put("event_ts", message.path("ts").asString()).put("channel_type", channelType(channel));
    send(call, channel, messageSubscription(channel), event);
    String author = message.path("user").asString("");
    String text = message.path("text").asString("");
    String bot = call.state.bot.userId();
    boolean mentioned = text.contains("<@" + bot + ">") || text.contains("<@" + bot + "|");
    if (mentioned && !author.equals(bot) && message.path("subtype").isMissingNode()) {
      ObjectNode mention = SlackJson.object().put("type", "app_mention").put("user", author).put("text", text)
          .put("ts", message.path("ts").asString()).put("team", call.state.teamId()).put("channel", channel.id())
          .put("event_ts", message.path("ts").asString());
      if (message.has("thread_ts")) {
        mention.put("thread_ts", message.path("thread_ts").asString());
      }
      if (message.has("blocks")) {
        mention.set("blocks", message.get("blocks"));
      }
      send(call, channel, "app_mention", mention);
    }
  }

  void messageChanged(SlackCall call, Channel channel, ObjectNode message, ObjectNode previous) {
    String ts = call.nextTs();
    ObjectNode event = SlackJson.object().put("type", "message").put("subtype", "message_changed");
    event.set("message", Messages.stored(message));
    event.set("previous_message", Messages.stored(previous));
    event.put("channel", channel.id()).put("hidden", true).put("ts", ts).put("event_ts", ts)
        .put("channel_type", channelType(channel));
    send(call, channel, messageSubscription(channel), event);
  }

  void messageDeleted(SlackCall call, Channel channel, ObjectNode previous) {
    String ts = call.nextTs();
    ObjectNode event = SlackJson.object().put("type", "message").put("subtype", "message_deleted").put("hidden", true)
        .put("deleted_ts", previous.path("ts").asString()).put("channel", channel.id());
    event.set("previous_message", Messages.stored(previous));
    event.put("event_ts", ts).put("ts", ts).put("channel_type", channelType(channel));
    send(call, channel, messageSubscription(channel), event);
  }

  void memberJoined(SlackCall call, Channel channel, String user, Optional<String> inviter) {
    ObjectNode event = SlackJson.object().put("type", "member_joined_channel").put("user", user).put("channel", channel.id())
        .put("channel_type", channel.isPrivate() ? "G" : "C").put("team", call.state.teamId());
    inviter.ifPresent(who -> event.put("inviter", who));
    event.put("event_ts", call.nextTs());
    send(call, channel, "member_joined_channel", event);
  }

  void reaction(SlackCall call, Channel channel, String type, String reaction, ObjectNode message) {
    ObjectNode event = SlackJson.object().put("type", type).put("user", call.identity.userId());
    event.putObject("item").put("type", "message").put("channel", channel.id()).put("ts", message.path("ts").asString());
    event.put("reaction", reaction).put("item_user", message.path("user").asString("")).put("event_ts", call.nextTs());
    send(call, channel, type, event);
  }

  void channelCreated(SlackCall call, Channel channel) {
    if (channel.isPrivate()) {
      return;
    }
    ObjectNode event = SlackJson.object().put("type", "channel_created");
    event.putObject("channel").put("id", channel.id()).put("name", channel.name())
        .put("name_normalized", channel.info.path("name_normalized").asString()).put("is_channel", true)
        .put("created", channel.info.path("created").asLong()).put("creator", channel.info.path("creator").asString())
        .put("context_team_id", call.state.teamId());
    event.put("event_ts", call.nextTs());
    sendToApp(call, "channel_created", event, Optional.of(channel.id()));
  }

  void channelArchive(SlackCall call, Channel channel) {
    ObjectNode event = SlackJson.object().put("type", "channel_archive").put("channel", channel.id())
        .put("user", call.identity.userId()).put("event_ts", call.nextTs());
    send(call, channel, "channel_archive", event);
  }

  private static String messageSubscription(Channel channel) {
    return channel.isPrivate() ? "message.groups" : "message.channels";
  }

  private static String channelType(Channel channel) {
    return channel.isPrivate() ? "group" : "channel";
  }

  /** A channel event: only for apps whose bot user is in the channel. */
  private void send(SlackCall call, Channel channel, String subscription, ObjectNode event) {
    if (channel.members.contains(call.state.bot.userId())) {
      sendToApp(call, subscription, event, Optional.of(channel.id()));
    }
  }

  private void sendToApp(SlackCall call, String subscription, ObjectNode event, Optional<String> channel) {
    Optional<AppConfig> app = call.state.app.filter(config -> config.delivers(subscription));
    if (app.isEmpty()) {
      return;
    }
    SlackState state = call.state;
    String eventId = SlackIds.next(call.call.ids(), "Ev");
    String type = event.path("type").asString();
    ObjectNode envelope = SlackJson.object().put("token", app.get().verificationToken()).put("team_id", state.teamId())
        .put("context_team_id", state.teamId()).putNull("context_enterprise_id").put("api_app_id", state.bot.appId());
    envelope.set("event", event);
    envelope.put("type", "event_callback").put("event_id", eventId).put("event_time", call.now.getEpochSecond());
    envelope.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", state.teamId())
        .put("user_id", state.bot.userId()).put("is_bot", true).put("is_enterprise_install", false);
    envelope.put("is_ext_shared_channel", false).put("event_context", context(type, state, channel));
    call.call.webhooks().send(new Webhook(call.call.namespace(), eventId, type, app.get().requestUrl().orElseThrow(),
        SlackJson.bytes(envelope), "application/json", app.get().signingSecret(), SIGNER, HEADERS));
  }

  /** Slack's opaque {@code event_context}: {@code 4-} and URL-safe base64 of what the event is about. */
  private static String context(String type, SlackState state, Optional<String> channel) {
    ObjectNode about = SlackJson.object().put("et", type).put("tid", state.teamId()).put("aid", state.bot.appId());
    channel.ifPresent(id -> about.put("cid", id));
    return "4-" + Base64.getUrlEncoder().withoutPadding().encodeToString(SlackJson.bytes(about));
  }
}
