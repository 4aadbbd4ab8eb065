package dev.darkfactory.twin.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code conversations.list}, {@code create}, {@code info}, {@code members}, {@code join}, {@code invite} and
 * {@code archive}: public and private channels, who is in them, and the messages Slack posts when people join.
 * ({@code history} and {@code replies} are {@link History}.)
 */
final class Conversations {

  private static final Set<String> TYPES = Set.of("public_channel", "private_channel", "mpim", "im");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_\\-\\p{L}&&[^\\p{Lu}]]+");
  private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[_\\-]+");

  private Conversations() {}

  static void register(SlackMethods methods) {
    methods.add("conversations.list", Tier.TIER_2, List.of("channels:read", "groups:read", "mpim:read", "im:read"),
        Conversations::list);
    methods.add("conversations.create", Tier.TIER_2, List.of("channels:manage", "groups:write", "channels:write"),
        Conversations::create);
    methods.add("conversations.info", Tier.TIER_3, List.of("channels:read", "groups:read", "mpim:read", "im:read"),
        Conversations::info);
    methods.add("conversations.members", Tier.TIER_4, List.of("channels:read", "groups:read", "mpim:read", "im:read"),
        Conversations::members);
    methods.add("conversations.join", Tier.TIER_3, List.of("channels:join", "channels:write"), Conversations::join);
    methods.add("conversations.invite", Tier.TIER_3, List.of("channels:manage", "groups:write", "channels:write"),
        Conversations::invite);
    methods.add("conversations.archive", Tier.TIER_2, List.of("channels:manage", "groups:write", "channels:write"),
        Conversations::archive);
  }

  private static ObjectNode list(SlackCall call) {
    Set<String> types = new LinkedHashSet<>();
    for (String type : call.string("types").orElse("public_channel").split(",")) {
      if (!type.isBlank()) {
        if (!TYPES.contains(type.trim())) {
          throw SlackError.of("invalid_types");
        }
        types.add(type.trim());
      }
    }
    boolean excludeArchived = call.args.bool("exclude_archived", false);
    List<Channel> visible = new ArrayList<>();
    for (Channel channel : call.state.channels.values()) {
      boolean wanted = channel.isPrivate() ? types.contains("private_channel") && channel.members.contains(call.identity.userId())
          : types.contains("public_channel");
      if (wanted && !(excludeArchived && channel.isArchived())) {
        visible.add(channel);
      }
    }
    int limit = call.args.integer("limit", 100);
    if (limit < 0 || limit > 1000) {
      throw SlackError.of("invalid_limit");
    }
    Page<Channel> page = Page.of(visible, call.string("cursor"), "channel", Channel::id, limit);
    ObjectNode body = SlackJson.object();
    ArrayNode channels = body.putArray("channels");
    page.items().forEach(channel -> channels.add(call.render(channel, true)));
    body.putObject("response_metadata").put("next_cursor", page.nextCursor());
    return body;
  }

  private static ObjectNode create(SlackCall call) {
    String name = call.string("name").orElseThrow(() -> SlackError.of("invalid_name_required")).trim();
    if (name.isEmpty()) {
      throw SlackError.of("invalid_name_required");
    }
    if (name.length() > 80) {
      throw SlackError.of("invalid_name_maxlength");
    }
    if (PUNCTUATION_ONLY.matcher(name).matches()) {
      throw SlackError.of("invalid_name_punctuation");
    }
    if (!NAME.matcher(name).matches()) {
      throw SlackError.of("invalid_name_specials");
    }
    if (call.state.channelByName(name).isPresent()) {
      throw SlackError.of("name_taken");
    }
    boolean isPrivate = call.args.bool("is_private", false);
    Channel channel = new Channel(Workspaces.channel(SlackIds.next(call.call.ids(), "C"), name, isPrivate,
        call.identity.userId(), call.state.teamId(), call.now));
    channel.members.add(call.identity.userId());
    call.state.channels.put(channel.id(), channel);
    call.events.channelCreated(call, channel);
    ObjectNode body = SlackJson.object();
    body.set("channel", call.render(channel, false).put("last_read", "0000000000.000000"));
    return body;
  }

  private static ObjectNode info(SlackCall call) {
    Channel channel = call.channel("channel");
    ObjectNode body = SlackJson.object();
    body.set("channel", call.render(channel, call.args.bool("include_num_members", false)));
    return body;
  }

  private static ObjectNode members(SlackCall call) {
    Channel channel = call.channel("channel");
    int limit = call.args.integer("limit", 100);
    if (limit < 0 || limit > 1000) {
      throw SlackError.of("invalid_limit");
    }
    Page<String> page = Page.of(List.copyOf(channel.members), call.string("cursor"), "user", id -> id, limit);
    ObjectNode body = SlackJson.object();
    ArrayNode members = body.putArray("members");
    page.items().forEach(members::add);
    body.putObject("response_metadata").put("next_cursor", page.nextCursor());
    return body;
  }

  private static ObjectNode join(SlackCall call) {
    Channel channel = call.channel("channel");
    if (channel.isPrivate()) {
      throw SlackError.of("method_not_supported_for_channel_type");
    }
    call.requireNotArchived(channel);
    if (channel.members.contains(call.identity.userId())) {
      call.warnings.add("already_in_channel");
    } else {
      admit(call, channel, call.identity.userId(), Optional.empty());
    }
    ObjectNode body = SlackJson.object();
    body.set("channel", call.render(channel, false));
    return body;
  }

  private static ObjectNode invite(SlackCall call) {
    Channel channel = call.channel("channel");
    String list = call.string("users").orElseThrow(() -> SlackError.of("no_user"));
    call.requireNotArchived(channel);
    call.requireMember(channel);
    List<String> invitees = new ArrayList<>();
    for (String id : list.split(",")) {
      String user = id.trim();
      if (user.isEmpty()) {
        continue;
      }
      if (user.equals(call.identity.userId())) {
        throw SlackError.of("cant_invite_self");
      }
      ObjectNode found = call.user(user, "user_not_found");
      if (found.path("deleted").asBoolean()) {
        throw SlackError.of("user_is_deleted");
      }
      invitees.add(user);
    }
    if (invitees.isEmpty()) {
      throw SlackError.of("no_user");
    }
    List<String> fresh = invitees.stream().filter(user -> !channel.members.contains(user)).distinct().toList();
    if (fresh.isEmpty()) {
      throw SlackError.of("already_in_channel");
    }
    fresh.forEach(user -> admit(call, channel, user, Optional.of(call.identity.userId())));
    ObjectNode body = SlackJson.object();
    body.set("channel", call.render(channel, false));
    return body;
  }

  /** A member joins: Slack posts a {@code channel_join} message and sends {@code member_joined_channel}. */
  private static void admit(SlackCall call, Channel channel, String user, Optional<String> inviter) {
    channel.members.add(user);
    String ts = call.nextTs();
    ObjectNode message = SlackJson.object().put("user", user).put("type", "message").put("subtype", "channel_join")
        .put("ts", ts).put("text", "<@" + user + "> has joined the channel");
    inviter.ifPresent(who -> message.put("inviter", who));
    channel.messages.put(Timestamps.parse(ts).orElseThrow(), message);
    call.events.memberJoined(call, channel, user, inviter);
    call.events.message(call, channel, message);
  }

  private static ObjectNode archive(SlackCall call) {
    Channel channel = call.channel("channel");
    if (channel.isArchived()) {
      throw SlackError.of("already_archived");
    }
    if (channel.isGeneral()) {
      throw SlackError.of("cant_archive_general");
    }
    call.requireMember(channel);
    String ts = call.nextTs();
    ObjectNode message = SlackJson.object().put("user", call.identity.userId()).put("type", "message")
        .put("subtype", "channel_archive").put("ts", ts).put("text", "archived the channel");
    channel.messages.put(Timestamps.parse(ts).orElseThrow(), message);
    call.events.channelArchive(call, channel);
    channel.info.put("is_archived", true).put("updated", call.now.toEpochMilli());
    return SlackJson.object();
  }
}
