package dev.darkfactory.twin.slack;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code reactions.add}, {@code reactions.remove}, {@code reactions.get}: emoji on messages, and their events. */
final class Reactions {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_+'\\-]+(::skin-tone-[2-6])?");

  private Reactions() {}

  static void register(SlackMethods methods) {
    methods.add("reactions.add", Tier.TIER_3, List.of("reactions:write"), Reactions::add);
    methods.add("reactions.remove", Tier.TIER_2, List.of("reactions:write"), Reactions::remove);
    methods.add("reactions.get", Tier.TIER_3, List.of("reactions:read"), Reactions::get);
  }

  private static ObjectNode message(SlackCall call, Channel channel) {
    String ts = call.string("timestamp").orElseThrow(() -> SlackError.of("no_item_specified"));
    return channel.message(ts).filter(message -> !message.path("subtype").asString("").equals("tombstone"))
        .orElseThrow(() -> SlackError.of("message_not_found"));
  }

  private static String name(SlackCall call) {
    String name = call.string("name").orElseThrow(() -> SlackError.of("invalid_name"));
    String bare = name.startsWith(":") && name.endsWith(":") && name.length() > 2 ? name.substring(1, name.length() - 1) : name;
    if (!NAME.matcher(bare).matches()) {
      throw SlackError.of("invalid_name");
    }
    return bare;
  }

  private static Channel channel(SlackCall call) {
    if (call.string("channel").isEmpty()) {
      throw SlackError.of("no_item_specified");
    }
    return call.channel("channel");
  }

  private static ObjectNode add(SlackCall call) {
    Channel channel = channel(call);
    ObjectNode message = message(call, channel);
    String name = name(call);
    call.requireNotArchived(channel);
    ArrayNode reactions = message.has("reactions") ? (ArrayNode) message.get("reactions") : message.putArray("reactions");
    ObjectNode reaction = find(reactions, name);
    if (reaction == null) {
      reaction = reactions.addObject().put("name", name);
      reaction.putArray("users");
      reaction.put("count", 0);
    }
    ArrayNode users = (ArrayNode) reaction.get("users");
    for (JsonNode user : users) {
      if (user.asString().equals(call.identity.userId())) {
        throw SlackError.of("already_reacted");
      }
    }
    users.add(call.identity.userId());
    reaction.put("count", users.size());
    call.events.reaction(call, channel, "reaction_added", name, message);
    return SlackJson.object();
  }

  private static ObjectNode remove(SlackCall call) {
    Channel channel = channel(call);
    ObjectNode message = message(call, channel);
    String name = name(call);
    ArrayNode reactions = (ArrayNode) message.get("reactions");
    ObjectNode reaction = reactions == null ? null : find(reactions, name);
    if (reaction == null) {
      throw SlackError.of("no_reaction");
    }
    ArrayNode users = (ArrayNode) reaction.get("users");
    int index = -1;
    for (int i = 0; i < users.size(); i++) {
      if (users.get(i).asString().equals(call.identity.userId())) {
        index = i;
      }
    }
    if (index < 0) {
      throw SlackError.of("no_reaction");
    }
    users.remove(index);
    reaction.put("count", users.size());
    if (users.isEmpty()) {
      for (int i = 0; i < reactions.size(); i++) {
        if (reactions.get(i) == reaction) {
          reactions.remove(i);
          break;
        }
      }
      if (reactions.isEmpty()) {
        message.remove("reactions");
      }
    }
    call.events.reaction(call, channel, "reaction_removed", name, message);
    return SlackJson.object();
  }

  private static ObjectNode get(SlackCall call) {
    Channel channel = channel(call);
    ObjectNode message = message(call, channel);
    ObjectNode body = SlackJson.object().put("type", "message").put("channel", channel.id());
    body.set("message", Messages.render(channel, message));
    return body;
  }

  private static ObjectNode find(ArrayNode reactions, String name) {
    for (JsonNode reaction : reactions) {
      if (reaction.path("name").asString().equals(name)) {
        return (ObjectNode) reaction;
      }
    }
    return null;
  }
}
