package dev.darkfactory.twin.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code users.list} (cursor pagination), {@code users.info}, {@code users.lookupByEmail}. */
final class Users {

  private static final int MAX_LIMIT = 1000;

  private Users() {}

  static void register(SlackMethods methods) {
    methods.add("users.list", Tier.TIER_2, List.of("users:read"), Users::list);
    methods.add("users.info", Tier.TIER_4, List.of("users:read"), Users::info);
    methods.add("users.lookupByEmail", Tier.TIER_3, List.of("users:read.email"), Users::lookupByEmail);
  }

  private static ObjectNode list(SlackCall call) {
    List<ObjectNode> users = new ArrayList<>(call.state.users.values());
    int limit = Math.min(call.args.integer("limit", MAX_LIMIT), MAX_LIMIT);
    if (limit < 0) {
      throw SlackError.of("invalid_limit");
    }
    Page<ObjectNode> page = Page.of(users, call.string("cursor"), "user", user -> user.path("id").asString(), limit);
    ObjectNode body = SlackJson.object();
    ArrayNode members = body.putArray("members");
    page.items().forEach(user -> members.add(call.render(user)));
    body.put("cache_ts", call.now.getEpochSecond());
    body.putObject("response_metadata").put("next_cursor", page.nextCursor());
    return body;
  }

  private static ObjectNode info(SlackCall call) {
    String id = call.string("user").orElseThrow(() -> SlackError.of("user_not_found"));
    ObjectNode body = SlackJson.object();
    body.set("user", call.render(call.user(id, "user_not_found")));
    return body;
  }

  private static ObjectNode lookupByEmail(SlackCall call) {
    String email = call.string("email").orElseThrow(() -> SlackError.of("users_not_found")).toLowerCase(Locale.ROOT);
    ObjectNode found = call.state.users.values().stream()
        .filter(user -> user.path("profile").path("email").asString("").toLowerCase(Locale.ROOT).equals(email))
        .findFirst().orElseThrow(() -> SlackError.of("users_not_found"));
    ObjectNode body = SlackJson.object();
    body.set("user", call.render(found));
    return body;
  }
}
