package dev.darkfactory.twin.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code conversations.history} (newest first, thread replies left out, {@code oldest}/{@code latest}/
 * {@code inclusive}, cursor pagination) and {@code conversations.replies} (the parent, then its replies oldest first;
 * the parent leads every page). Reading a public channel needs membership ({@code not_in_channel}).
 */
final class History {

  private static final String CURSOR = "next_ts";

  private History() {}

  static void register(SlackMethods methods) {
    methods.add("conversations.history", Tier.TIER_3, List.of("channels:history", "groups:history", "mpim:history",
        "im:history"), History::history);
    methods.add("conversations.replies", Tier.TIER_3, List.of("channels:history", "groups:history", "mpim:history",
        "im:history"), History::replies);
  }

  /** The time window of a read: (oldest, latest), closed when {@code inclusive}. */
  private record Window(long oldest, long latest, boolean inclusive) {
    boolean contains(long ts) {
      return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
    }
  }

  private static Window window(SlackCall call) {
    long oldest = call.string("oldest").map(ts -> Timestamps.parse(ts).orElseThrow(() -> SlackError.of("invalid_ts_oldest")))
        .orElse(0L);
    long latest = call.string("latest").map(ts -> Timestamps.parse(ts).orElseThrow(() -> SlackError.of("invalid_ts_latest")))
        .orElse(Long.MAX_VALUE);
    return new Window(oldest, latest, call.args.bool("inclusive", false));
  }

  private static Channel readable(SlackCall call) {
    Channel channel = call.channel("channel");
    call.requireMember(channel);
    return channel;
  }

  private static ObjectNode history(SlackCall call) {
    Channel channel = readable(call);
    Window window = window(call);
    int limit = Math.min(call.args.integer("limit", 100), 999);
    long start = call.string("cursor").map(cursor -> parseCursor(cursor)).orElse(Long.MAX_VALUE);
    List<ObjectNode> page = new ArrayList<>();
    boolean hasMore = false;
    String next = "";
    for (Map.Entry<Long, ObjectNode> entry : channel.messages.headMap(start, true).descendingMap().entrySet()) {
      ObjectNode message = entry.getValue();
      if (!window.contains(entry.getKey()) || isReply(message)) {
        continue;
      }
      if (page.size() == Math.max(1, limit)) {
        hasMore = true;
        next = Cursors.encode(CURSOR, Long.toString(entry.getKey()));
        break;
      }
      page.add(message);
    }
    ObjectNode body = SlackJson.object();
    ArrayNode messages = body.putArray("messages");
    page.forEach(message -> messages.add(Messages.render(channel, message)));
    body.put("has_more", hasMore).put("pin_count", 0).putNull("channel_actions_ts").put("channel_actions_count", 0);
    if (hasMore) {
      body.putObject("response_metadata").put("next_cursor", next);
    }
    return body;
  }

  private static ObjectNode replies(SlackCall call) {
    Channel channel = readable(call);
    String ts = call.string("ts").orElseThrow(() -> SlackError.of("thread_not_found"));
    ObjectNode parent = channel.message(ts).orElseThrow(() -> SlackError.of("thread_not_found"));
    if (isReply(parent)) {
      parent = channel.message(parent.path("thread_ts").asString()).orElseThrow(() -> SlackError.of("thread_not_found"));
    }
    Window window = window(call);
    int perPage = Math.max(1, Math.min(call.args.integer("limit", 1000), 1000) - 1);
    Optional<Long> start = call.string("cursor").map(History::parseCursor);
    List<ObjectNode> page = new ArrayList<>();
    boolean hasMore = false;
    String next = "";
    for (ObjectNode reply : channel.replies(parent.path("ts").asString())) {
      long replyTs = Timestamps.parse(reply.path("ts").asString()).orElseThrow();
      if (!window.contains(replyTs) || (start.isPresent() && replyTs < start.get())) {
        continue;
      }
      if (page.size() == perPage) {
        hasMore = true;
        next = Cursors.encode(CURSOR, Long.toString(replyTs));
        break;
      }
      page.add(reply);
    }
    ObjectNode body = SlackJson.object();
    ArrayNode messages = body.putArray("messages");
    messages.add(Messages.render(channel, parent));
    page.forEach(reply -> messages.add(Messages.render(channel, reply)));
    body.put("has_more", hasMore);
    if (hasMore) {
      body.putObject("response_metadata").put("next_cursor", next);
    }
    return body;
  }

  private static boolean isReply(ObjectNode message) {
    return message.has("thread_ts") && !message.path("thread_ts").asString().equals(message.path("ts").asString());
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(Cursors.decode(CURSOR, cursor));
    } catch (NumberFormatException e) {
      throw SlackError.of("invalid_cursor");
    }
  }
}
