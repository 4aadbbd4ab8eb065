package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.clock.IdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's objects in the API's form (users, channels, bot profiles) and the workspace a namespace starts with: a team,
 * its owner, the app's bot user, Slackbot, {@code #general} (owner and bot are members) and {@code #random} (owner
 * only, so {@code not_in_channel} is one call away). Images point at {@code twin.invalid}: nothing here is Slack's.
 */
final class Workspaces {

  static final String SLACKBOT = "USLACKBOT";
  static final String BOT_NAME = "twinbot";

  private Workspaces() {}

  /** The workspace of a namespace nobody seeded. */
  static SlackState create(IdGenerator ids, Instant now) {
    String teamId = SlackIds.next(ids, "T");
    SlackState state = new SlackState(team(teamId, "Twin Workspace", "twin-workspace"), bot(ids));
    String owner = SlackIds.next(ids, "U");
    long created = now.getEpochSecond();
    addUser(state, human(owner, teamId, "owner", "Workspace Owner", "owner@example.com", created).put("is_admin", true)
        .put("is_owner", true).put("is_primary_owner", true));
    addBotUser(state, BOT_NAME, created);
    addUser(state, slackbot(teamId, created));
    Channel general = new Channel(channel(SlackIds.next(ids, "C"), "general", false, owner, teamId, now).put("is_general", true));
    general.members.add(owner);
    general.members.add(state.bot.userId());
    Channel random = new Channel(channel(SlackIds.next(ids, "C"), "random", false, owner, teamId, now));
    random.members.add(owner);
    state.channels.put(general.id(), general);
    state.channels.put(random.id(), random);
    return state;
  }

  static Bot bot(IdGenerator ids) {
    return new Bot(SlackIds.next(ids, "U"), SlackIds.next(ids, "B"), SlackIds.next(ids, "A"), Bot.DEFAULT_SCOPES);
  }

  static ObjectNode team(String id, String name, String domain) {
    return SlackJson.object().put("id", id).put("name", name).put("domain", domain);
  }

  static void addUser(SlackState state, ObjectNode user) {
    state.users.put(user.path("id").asString(), user);
  }

  /** The bot user of the workspace's app, unless one with its id is there already. */
  static void addBotUser(SlackState state, String name, long created) {
    if (state.users.containsKey(state.bot.userId())) {
      return;
    }
    ObjectNode user = base(state.bot.userId(), state.teamId(), name, name, created).put("is_bot", true);
    ObjectNode profile = (ObjectNode) user.get("profile");
    profile.put("bot_id", state.bot.botId()).put("api_app_id", state.bot.appId()).put("always_active", true);
    addUser(state, user);
  }

  static ObjectNode human(String id, String teamId, String name, String realName, String email, long created) {
    ObjectNode user = base(id, teamId, name, realName, created);
    ((ObjectNode) user.get("profile")).put("email", email);
    return user;
  }

  static ObjectNode slackbot(String teamId, long created) {
    ObjectNode user = base(SLACKBOT, teamId, "slackbot", "Slackbot", created);
    ((ObjectNode) user.get("profile")).put("always_active", true);
    return user;
  }

  /** A user with every field Slack sends; the caller sets the flags that differ. */
  static ObjectNode base(String id, String teamId, String name, String realName, long created) {
    ObjectNode user = SlackJson.object().put("id", id).put("team_id", teamId).put("name", name).put("deleted", false)
        .put("color", "9f69e7").put("real_name", realName).put("tz", "UTC").put("tz_label", "Coordinated Universal Time")
        .put("tz_offset", 0);
    ObjectNode profile = user.putObject("profile");
    String[] names = realName.split(" ", 2);
    profile.put("title", "").put("phone", "").put("skype", "").put("real_name", realName)
        .put("real_name_normalized", realName).put("display_name", name).put("display_name_normalized", name)
        .put("status_text", "").put("status_emoji", "").put("status_expiration", 0).put("avatar_hash", "g" + id.toLowerCase(Locale.ROOT))
        .put("first_name", names[0]).put("last_name", names.length > 1 ? names[1] : "");
    for (int size : List.of(24, 32, 48, 72, 192, 512)) {
      profile.put("image_" + size, "https://twin.invalid/avatars/" + id + "/" + size + ".png");
    }
    profile.put("team", teamId);
    user.put("is_admin", false).put("is_owner", false).put("is_primary_owner", false).put("is_restricted", false)
        .put("is_ultra_restricted", false).put("is_bot", false).put("is_app_user", false).put("updated", created)
        .put("is_email_confirmed", true).put("who_can_share_contact_card", "EVERYONE");
    return user;
  }

  /** A channel's stored fields ({@code is_member} and {@code num_members} are added per caller). */
  static ObjectNode channel(String id, String name, boolean isPrivate, String creator, String teamId, Instant now) {
    ObjectNode channel = SlackJson.object().put("id", id).put("name", name).put("is_channel", true).put("is_group", false)
        .put("is_im", false).put("is_mpim", false).put("is_private", isPrivate).put("created", now.getEpochSecond())
        .put("is_archived", false).put("is_general", false).put("unlinked", 0).put("name_normalized", name)
        .put("is_shared", false).put("is_org_shared", false).put("is_pending_ext_shared", false);
    channel.putArray("pending_shared");
    channel.put("context_team_id", teamId).put("updated", now.toEpochMilli()).putNull("parent_conversation")
        .put("creator", creator).put("is_ext_shared", false);
    channel.putArray("shared_team_ids").add(teamId);
    channel.putArray("pending_connected_team_ids");
    channel.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
    channel.putObject("purpose").put("value", "").put("creator", "").put("last_set", 0);
    channel.putArray("previous_names");
    return channel;
  }

  /** The {@code bot_profile} Slack puts on a bot's messages. */
  static ObjectNode botProfile(SlackState state) {
    ObjectNode user = state.users.get(state.bot.userId());
    String name = user == null ? BOT_NAME : user.path("name").asString();
    long updated = user == null ? 0 : user.path("updated").asLong();
    ObjectNode profile = SlackJson.object().put("id", state.bot.botId()).put("deleted", false).put("name", name)
        .put("updated", updated).put("app_id", state.bot.appId()).put("user_id", state.bot.userId());
    ObjectNode icons = profile.putObject("icons");
    for (int size : List.of(36, 48, 72)) {
      icons.put("image_" + size, "https://twin.invalid/avatars/" + state.bot.botId() + "/" + size + ".png");
    }
    profile.put("team_id", state.teamId());
    return profile;
  }
}
