package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.StateReadException;
import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.document.Suggestions;
import dev.darkfactory.twin.spi.StateContext;
import dev.darkfactory.twin.spi.StateModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack workspace as JSON (seed and snapshot): {@code {"team", "bot", "users", "channels", "tokens", "app",
 * "ephemeral", "last_ts"}}, every part optional in a seed (the missing ones are the default workspace's), objects in
 * the API's own form with only {@code id} and {@code name} required; channels carry their {@code members} and
 * {@code messages}. Seeding an {@code app} with a {@code request_url} performs Slack's {@code url_verification}
 * handshake, and a URL that fails it refuses the seed, as Slack's app settings refuse it; a snapshot marks the URL
 * {@code url_verified} so restoring it does not knock again. Tokens are written as fingerprints, never in clear.
 */
final class SlackStateModel implements StateModel<SlackState> {

  private static final List<String> PARTS = List.of("team", "bot", "users", "channels", "tokens", "app", "ephemeral", "last_ts");
  private static final List<String> APP_FIELDS = List.of("request_url", "signing_secret", "verification_token", "events",
      "url_verified");
  private static final Pattern TOKEN = Pattern.compile("(xoxe\\.)?xox[bp]-[\\x21-\\x7e]+");

  private final TokenDirectory directory;
  private final UrlVerification verification;

  SlackStateModel(TokenDirectory directory, UrlVerification verification) {
    this.directory = directory;
    this.verification = verification;
  }

  @Override
  public SlackState create(StateContext context) {
    return Workspaces.create(context.ids(), context.now());
  }

  @Override
  public SlackState read(JsonNode json, StateContext context) {
    if (!json.isObject()) {
      throw new StateReadException("", "expected a Slack workspace: an object of " + String.join(", ", PARTS));
    }
    for (String name : json.propertyNames()) {
      if (!PARTS.contains(name)) {
        throw new StateReadException("/" + name, "unknown part '" + name + "'" + hint(name, PARTS) + "; expected one of "
            + String.join(", ", PARTS));
      }
    }
    IdGenerator ids = context.ids();
    Instant now = context.now();
    SlackState state = new SlackState(team(json.path("team"), ids), bot(json.path("bot"), ids));
    users(json.path("users"), state, now, ids);
    channels(json.path("channels"), state, now, ids);
    tokens(json.path("tokens"), state, context.namespace());
    JsonNode ephemeral = json.path("ephemeral");
    if (!ephemeral.isMissingNode() && !ephemeral.isNull()) {
      list(ephemeral, "/ephemeral", "ephemeral messages").forEach(item -> state.ephemeral.add(((ObjectNode) item).deepCopy()));
    }
    if (json.has("last_ts")) {
      state.lastTs = Math.max(state.lastTs, Timestamps.parse(json.path("last_ts").asString())
          .orElseThrow(() -> new StateReadException("/last_ts", "expected a Slack timestamp such as 1700000000.000100")));
    }
    state.app = app(json.path("app"), ids, now);
    return state;
  }

  private static ObjectNode team(JsonNode team, IdGenerator ids) {
    if (team.isMissingNode() || team.isNull()) {
      return Workspaces.team(SlackIds.next(ids, "T"), "Twin Workspace", "twin-workspace");
    }
    object(team, "/team", "a team: {id, name, domain}");
    String id = id(team, "/team/id", "T", "a team id starting with T").orElseGet(() -> SlackIds.next(ids, "T"));
    return Workspaces.team(id, text(team, "name").orElse("Twin Workspace"), text(team, "domain").orElse("twin-workspace"));
  }

  private static Bot bot(JsonNode bot, IdGenerator ids) {
    Bot defaults = Workspaces.bot(ids);
    if (bot.isMissingNode() || bot.isNull()) {
      return defaults;
    }
    object(bot, "/bot", "the app's bot: {user_id, bot_id, app_id, scopes}");
    return new Bot(id(bot, "/bot/user_id", "UW", "a user id starting with U or W").orElse(defaults.userId()),
        id(bot, "/bot/bot_id", "B", "a bot id starting with B").orElse(defaults.botId()),
        id(bot, "/bot/app_id", "A", "an app id starting with A").orElse(defaults.appId()),
        scopes(bot.path("scopes"), "/bot/scopes").orElse(Bot.DEFAULT_SCOPES));
  }

  private static void users(JsonNode users, SlackState state, Instant now, IdGenerator ids) {
    long created = now.getEpochSecond();
    if (users.isMissingNode() || users.isNull()) {
      Workspaces.addUser(state, Workspaces.human(SlackIds.next(ids, "U"), state.teamId(), "owner",
          "Workspace Owner", "owner@example.com", created).put("is_admin", true).put("is_owner", true).put("is_primary_owner", true));
    } else {
      List<JsonNode> list = list(users, "/users", "user objects");
      for (int i = 0; i < list.size(); i++) {
        String pointer = "/users/" + i;
        JsonNode given = object(list.get(i), pointer, "a user object: {id, name, ...}");
        String id = id(given, pointer + "/id", "UW", "a user id starting with U or W")
            .orElseThrow(() -> new StateReadException(pointer + "/id", "a user needs an id (U...)"));
        String name = text(given, "name").orElseThrow(() -> new StateReadException(pointer + "/name", "a user needs a name"));
        if (given.has("profile") && !given.path("profile").isObject()) {
          throw new StateReadException(pointer + "/profile", "expected a profile object: {email, title, display_name, ...}");
        }
        ObjectNode user = Workspaces.base(id, state.teamId(), name, text(given, "real_name").orElse(name), created);
        merge(user, (ObjectNode) given);
        if (state.users.put(id, user) != null) {
          throw new StateReadException(pointer + "/id", "duplicate user id '" + id + "'");
        }
      }
    }
    ObjectNode bot = state.users.get(state.bot.userId());
    if (bot != null) {
      bot.put("is_bot", true);
      ((ObjectNode) bot.path("profile")).put("bot_id", state.bot.botId()).put("api_app_id", state.bot.appId());
    }
    Workspaces.addBotUser(state, Workspaces.BOT_NAME, created);
    if (!state.users.containsKey(Workspaces.SLACKBOT)) {
      Workspaces.addUser(state, Workspaces.slackbot(state.teamId(), created));
    }
  }

  private static void channels(JsonNode channels, SlackState state, Instant now, IdGenerator ids) {
    if (channels.isMissingNode() || channels.isNull()) {
      List<String> humans = state.users.values().stream().filter(user -> !user.path("is_bot").asBoolean()
          && !user.path("id").asString().equals(Workspaces.SLACKBOT)).map(user -> user.path("id").asString()).toList();
      String owner = state.primaryOwner();
      Channel general = new Channel(Workspaces.channel(SlackIds.next(ids, "C"), "general", false, owner, state.teamId(), now)
          .put("is_general", true));
      general.members.addAll(humans);
      general.members.add(state.bot.userId());
      Channel random = new Channel(Workspaces.channel(SlackIds.next(ids, "C"), "random", false, owner, state.teamId(), now));
      random.members.addAll(humans);
      state.channels.put(general.id(), general);
      state.channels.put(random.id(), random);
      return;
    }
    List<JsonNode> list = list(channels, "/channels", "channel objects");
    for (int i = 0; i < list.size(); i++) {
      String pointer = "/channels/" + i;
      JsonNode given = object(list.get(i), pointer, "a channel object: {name, members, messages, ...}");
      String name = text(given, "name").orElseThrow(() -> new StateReadException(pointer + "/name", "a channel needs a name"));
      String id = id(given, pointer + "/id", "CG", "a channel id starting with C or G").orElseGet(() -> SlackIds.next(ids, "C"));
      ObjectNode info = Workspaces.channel(id, name, given.path("is_private").asBoolean(false), state.primaryOwner(),
          state.teamId(), now).put("name_normalized", name);
      ObjectNode fields = ((ObjectNode) given).deepCopy();
      JsonNode members = fields.remove("members");
      JsonNode messages = fields.remove("messages");
      fields.remove("is_member");
      fields.remove("num_members");
      merge(info, fields);
      Channel channel = new Channel(info);
      if (state.channels.put(id, channel) != null) {
        throw new StateReadException(pointer + "/id", "duplicate channel id '" + id + "'");
      }
      if (state.channels.values().stream().filter(other -> other.name().equals(name)).count() > 1) {
        throw new StateReadException(pointer + "/name", "name_taken: another channel is called '" + name + "'");
      }
      if (members != null && !members.isNull()) {
        List<JsonNode> memberIds = list(members, pointer + "/members", "user ids");
        for (int m = 0; m < memberIds.size(); m++) {
          channel.members.add(knownUser(state, memberIds.get(m), pointer + "/members/" + m));
        }
      }
      if (messages != null && !messages.isNull()) {
        messages(messages, pointer + "/messages", channel, state, now);
      }
    }
  }

  private static void messages(JsonNode messages, String pointer, Channel channel, SlackState state, Instant now) {
    List<JsonNode> list = list(messages, pointer, "message objects");
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      ObjectNode message = ((ObjectNode) object(list.get(i), at, "a message object: {user, text, ts, ...}")).deepCopy();
      knownUser(state, message.path("user"), at + "/user");
      if (!message.has("type")) {
        message.put("type", "message");
      }
      String ts = message.has("ts") ? message.path("ts").asString() : state.nextTs(now);
      long key = Timestamps.parse(ts).orElseThrow(() -> new StateReadException(at + "/ts",
          "expected a Slack timestamp such as 1700000000.000100"));
      message.put("ts", Timestamps.format(key));
      state.lastTs = Math.max(state.lastTs, key);
      if (channel.messages.put(key, message) != null) {
        throw new StateReadException(at + "/ts", "two messages of one channel cannot share a ts (it is the message's id)");
      }
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode threadTs = list.get(i).path("thread_ts");
      if (!threadTs.isMissingNode() && channel.message(threadTs.asString()).isEmpty()) {
        throw new StateReadException(pointer + "/" + i + "/thread_ts", "no message of this channel has ts " + threadTs.asString());
      }
      if (!threadTs.isMissingNode()) {
        channel.message(threadTs.asString()).ifPresent(parent -> parent.put("thread_ts", parent.path("ts").asString()));
      }
    }
  }

  private void tokens(JsonNode tokens, SlackState state, Namespace workspace) {
    if (tokens.isMissingNode() || tokens.isNull()) {
      return;
    }
    List<JsonNode> list = list(tokens, "/tokens", "tokens: {token, user, scopes}");
    for (int i = 0; i < list.size(); i++) {
      String pointer = "/tokens/" + i;
      JsonNode given = object(list.get(i), pointer, "a token: {token, user, scopes}");
      String fingerprint;
      String hint;
      Optional<String> token = text(given, "token");
      if (token.isPresent()) {
        if (!TOKEN.matcher(token.get()).matches()) {
          throw new StateReadException(pointer + "/token", "expected a bot or user token (xoxb-..., xoxp-...)");
        }
        Namespace own = Namespace.ofCredential(token.get());
        fingerprint = own.id();
        hint = own.hint();
      } else {
        fingerprint = text(given, "fingerprint").filter(Namespace::isId).orElseThrow(() -> new StateReadException(pointer,
            "a token needs 'token' (xoxp-...) or the 'fingerprint' a snapshot wrote (ns_ and 16 hex digits)"));
        hint = text(given, "hint").orElse(fingerprint);
      }
      String user = knownUser(state, given.path("user"), pointer + "/user");
      List<String> scopes = scopes(given.path("scopes"), pointer + "/scopes").orElse(user.equals(state.bot.userId())
          ? state.bot.scopes() : TokenGrant.DEFAULT_USER_SCOPES);
      state.tokens.put(fingerprint, new TokenGrant(fingerprint, hint, user, scopes));
      directory.register(fingerprint, workspace);
    }
  }

  private Optional<AppConfig> app(JsonNode app, IdGenerator ids, Instant now) {
    if (app.isMissingNode() || app.isNull()) {
      return Optional.empty();
    }
    object(app, "/app", "the app's event subscriptions: {request_url, signing_secret, events}");
    for (String name : app.propertyNames()) {
      if (!APP_FIELDS.contains(name)) {
        throw new StateReadException("/app/" + name, "unknown field '" + name + "'" + hint(name, APP_FIELDS) + "; expected one of "
            + String.join(", ", APP_FIELDS));
      }
    }
    Optional<URI> url = text(app, "request_url").map(text -> {
      try {
        URI uri = new URI(text);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new StateReadException("/app/request_url", "expected an http(s) URL, not '" + text + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new StateReadException("/app/request_url", "expected an http(s) URL, not '" + text + "'");
      }
    });
    Optional<String> secret = text(app, "signing_secret");
    if (url.isPresent() && secret.isEmpty()) {
      throw new StateReadException("/app", "a request_url needs the app's signing_secret (any string): the twin signs every"
          + " request to the URL with it, and your app verifies X-Slack-Signature with it");
    }
    Set<String> events = new TreeSet<>();
    JsonNode given = app.path("events");
    if (given.isMissingNode() || given.isNull()) {
      events.addAll(AppConfig.SUPPORTED_EVENTS);
    } else {
      List<JsonNode> list = list(given, "/app/events", "event names such as message.channels");
      for (int i = 0; i < list.size(); i++) {
        String event = list.get(i).asString("");
        if (!AppConfig.SUPPORTED_EVENTS.contains(event)) {
          throw new StateReadException("/app/events/" + i, "unknown or unsupported bot event '" + event + "'"
              + hint(event, AppConfig.SUPPORTED_EVENTS) + "; the twin sends " + String.join(", ", AppConfig.SUPPORTED_EVENTS));
        }
        events.add(event);
      }
    }
    String verificationToken = text(app, "verification_token").orElseGet(() -> ids.token(24));
    AppConfig config = new AppConfig(url, secret.orElse(""), verificationToken, events, app.path("url_verified").asBoolean(false));
    if (url.isPresent() && !config.verified()) {
      Optional<String> problem = verification.problem(url.get(), config.signingSecret(), verificationToken, ids.token(48), now);
      if (problem.isPresent()) {
        throw new StateReadException("/app/request_url", problem.get());
      }
      config = config.verifiedNow();
    }
    return Optional.of(config);
  }

  @Override
  public JsonNode write(SlackState state) {
    ObjectNode json = SlackJson.object();
    json.set("team", state.team.deepCopy());
    ObjectNode bot = json.putObject("bot").put("user_id", state.bot.userId()).put("bot_id", state.bot.botId())
        .put("app_id", state.bot.appId());
    ArrayNode botScopes = bot.putArray("scopes");
    state.bot.scopes().forEach(botScopes::add);
    ArrayNode users = json.putArray("users");
    state.users.values().forEach(user -> users.add(user.deepCopy()));
    ArrayNode channels = json.putArray("channels");
    for (Channel channel : state.channels.values()) {
      ObjectNode written = channel.info.deepCopy();
      ArrayNode members = written.putArray("members");
      channel.members.forEach(members::add);
      ArrayNode messages = written.putArray("messages");
      channel.messages.values().forEach(message -> messages.add(message.deepCopy()));
      channels.add(written);
    }
    ArrayNode tokens = json.putArray("tokens");
    for (TokenGrant grant : state.tokens.values()) {
      ObjectNode token = tokens.addObject().put("fingerprint", grant.fingerprint()).put("hint", grant.hint()).put("user", grant.userId());
      ArrayNode scopes = token.putArray("scopes");
      grant.scopes().forEach(scopes::add);
    }
    state.app.ifPresent(app -> {
      ObjectNode written = json.putObject("app");
      app.requestUrl().ifPresent(url -> written.put("request_url", url.toString()));
      written.put("signing_secret", app.signingSecret()).put("verification_token", app.verificationToken());
      ArrayNode events = written.putArray("events");
      new TreeSet<>(app.events()).forEach(events::add);
      written.put("url_verified", app.verified());
    });
    ArrayNode ephemeral = json.putArray("ephemeral");
    state.ephemeral.forEach(item -> ephemeral.add(item.deepCopy()));
    if (state.lastTs > 0) {
      json.put("last_ts", Timestamps.format(state.lastTs));
    }
    return json;
  }

  private static String knownUser(SlackState state, JsonNode id, String pointer) {
    if (!id.isString() || !state.users.containsKey(id.asString())) {
      throw new StateReadException(pointer, "expected the id of a user of the workspace (" + String.join(", ",
          new LinkedHashSet<>(state.users.keySet())) + ")");
    }
    return id.asString();
  }

  private static Optional<List<String>> scopes(JsonNode scopes, String pointer) {
    if (scopes.isMissingNode() || scopes.isNull()) {
      return Optional.empty();
    }
    List<String> list = new ArrayList<>();
    for (JsonNode scope : list(scopes, pointer, "scope names such as chat:write")) {
      list.add(scope.asString());
    }
    return Optional.of(list);
  }

  private static Optional<String> id(JsonNode object, String pointer, String prefixes, String expected) {
    JsonNode id = object.path(pointer.substring(pointer.lastIndexOf('/') + 1));
    if (id.isMissingNode() || id.isNull()) {
      return Optional.empty();
    }
    String text = id.asString("");
    if (!id.isString() || text.length() < 2 || prefixes.indexOf(text.charAt(0)) < 0) {
      throw new StateReadException(pointer, "expected " + expected);
    }
    return Optional.of(text);
  }

  private static Optional<String> text(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isString() && !value.asString().isEmpty() ? Optional.of(value.asString()) : Optional.empty();
  }

  private static JsonNode object(JsonNode node, String pointer, String expected) {
    if (!node.isObject()) {
      throw new StateReadException(pointer, "expected " + expected);
    }
    return node;
  }

  private static List<JsonNode> list(JsonNode node, String pointer, String expected) {
    if (!node.isArray()) {
      throw new StateReadException(pointer, "expected a list of " + expected);
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  /** Fields given in a seed over the defaults; {@code profile} merged field by field. */
  private static void merge(ObjectNode target, ObjectNode given) {
    for (Map.Entry<String, JsonNode> field : given.properties()) {
      if (field.getKey().equals("profile") && field.getValue().isObject() && target.path("profile").isObject()) {
        ((ObjectNode) target.get("profile")).setAll((ObjectNode) field.getValue());
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static String hint(String name, List<String> candidates) {
    return Suggestions.closest(name, candidates).map(match -> " (did you mean '" + match + "'?)").orElse("");
  }
}
