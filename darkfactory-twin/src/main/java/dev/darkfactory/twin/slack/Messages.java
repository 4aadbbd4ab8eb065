package dev.darkfactory.twin.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages: making one from a call's {@code text}, {@code blocks} and {@code attachments} (with Slack's checks:
 * {@code no_text}, {@code msg_too_long}, {@code invalid_blocks}, {@code invalid_attachments}), and rendering a
 * thread's parent with its summary ({@code reply_count}, {@code reply_users}, {@code latest_reply}).
 */
final class Messages {

  /** Slack truncates or refuses text past 40,000 characters; the twin refuses it with {@code msg_too_long}. */
  static final int MAX_TEXT = 40_000;

  private Messages() {}

  /**
   * A new message by the caller with a new {@code ts}; throws Slack's errors for missing or bad content first, so a
   * refused message takes no timestamp.
   */
  static ObjectNode compose(SlackCall call) {
    ObjectNode content = SlackJson.object();
    content(call, content);
    String ts = call.nextTs();
    ObjectNode message = SlackJson.object();
    Identity identity = call.identity;
    if (identity.isBot()) {
      message.put("user", identity.userId()).put("type", "message").put("ts", ts).put("bot_id", identity.botId().orElseThrow())
          .put("app_id", call.state.bot.appId());
    } else {
      message.put("user", identity.userId()).put("type", "message").put("ts", ts);
    }
    message.setAll(content);
    message.put("team", call.state.teamId());
    if (identity.isBot()) {
      message.set("bot_profile", Workspaces.botProfile(call.state));
    }
    return message;
  }

  /** Sets {@code text}, {@code blocks}, {@code attachments} from the call; at least one is needed. */
  static void content(SlackCall call, ObjectNode message) {
    var text = call.string("text");
    var blocks = call.args.json("blocks", "invalid_blocks");
    var attachments = call.args.json("attachments", "invalid_attachments");
    blocks.ifPresent(Messages::checkBlocks);
    attachments.ifPresent(list -> {
      if (!list.isArray()) {
        throw SlackError.of("invalid_attachments");
      }
    });
    boolean noBlocks = blocks.map(JsonNode::isEmpty).orElse(true);
    boolean noAttachments = attachments.map(JsonNode::isEmpty).orElse(true);
    if (text.isEmpty() && noBlocks && noAttachments) {
      throw SlackError.of("no_text");
    }
    if (text.map(String::length).orElse(0) > MAX_TEXT) {
      throw SlackError.of("msg_too_long");
    }
    message.put("text", text.orElse(""));
    if (!noBlocks) {
      message.set("blocks", blocks.get());
    } else {
      message.remove("blocks");
    }
    if (!noAttachments) {
      message.set("attachments", attachments.get());
    } else {
      message.remove("attachments");
    }
  }

  private static void checkBlocks(JsonNode blocks) {
    if (!blocks.isArray()) {
      throw SlackError.of("invalid_blocks_format");
    }
    for (JsonNode block : blocks) {
      if (!block.isObject() || !block.path("type").isString()) {
        throw SlackError.of("invalid_blocks");
      }
    }
  }

  /** A message as stored (no thread summary), for events. */
  static ObjectNode stored(ObjectNode message) {
    return message.deepCopy();
  }

  /** A message as the API returns it: a thread's parent carries its summary. */
  static ObjectNode render(Channel channel, ObjectNode message) {
    ObjectNode rendered = message.deepCopy();
    String ts = message.path("ts").asString();
    if (!message.has("thread_ts") || !message.path("thread_ts").asString().equals(ts)) {
      return rendered;
    }
    List<ObjectNode> replies = channel.replies(ts);
    Set<String> users = new LinkedHashSet<>();
    replies.forEach(reply -> users.add(reply.path("user").asString()));
    rendered.put("reply_count", replies.size()).put("reply_users_count", users.size());
    if (!replies.isEmpty()) {
      rendered.put("latest_reply", replies.getLast().path("ts").asString());
    }
    ArrayNode replyUsers = rendered.putArray("reply_users");
    new ArrayList<>(users).forEach(replyUsers::add);
    rendered.put("is_locked", false).put("subscribed", false);
    return rendered;
  }
}
