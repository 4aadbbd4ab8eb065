package dev.darkfactory.twin.slack;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** {@code auth.test}: who the token is, in which workspace. Needs no scope. */
final class Auth {

  private Auth() {}

  static void register(SlackMethods methods) {
    methods.add("auth.test", Tier.TIER_4, List.of(), Auth::test);
  }

  private static ObjectNode test(SlackCall call) {
    ObjectNode user = call.state.users.get(call.identity.userId());
    ObjectNode body = SlackJson.object().put("url", "https://" + call.state.domain() + ".slack.com/")
        .put("team", call.state.team.path("name").asString()).put("user", user == null ? "" : user.path("name").asString())
        .put("team_id", call.state.teamId()).put("user_id", call.identity.userId());
    call.identity.botId().ifPresent(bot -> body.put("bot_id", bot));
    return body.put("is_enterprise_install", false);
  }
}
