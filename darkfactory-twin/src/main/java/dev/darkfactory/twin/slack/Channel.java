package dev.darkfactory.twin.slack;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * One conversation (a public or private channel): its stored fields in the API's form ({@code is_member} and
 * {@code num_members} are computed for the caller), its members, and its messages by {@code ts} (thread replies
 * among them, told apart by {@code thread_ts}). Accessed only under the namespace's lock.
 */
final class Channel {

  final ObjectNode info;
  final LinkedHashSet<String> members = new LinkedHashSet<>();
  final NavigableMap<Long, ObjectNode> messages = new TreeMap<>();

  Channel(ObjectNode info) {
    this.info = info;
  }

  String id() {
    return info.path("id").asString();
  }

  String name() {
    return info.path("name").asString();
  }

  boolean isPrivate() {
    return info.path("is_private").asBoolean();
  }

  boolean isArchived() {
    return info.path("is_archived").asBoolean();
  }

  boolean isGeneral() {
    return info.path("is_general").asBoolean();
  }

  Optional<ObjectNode> message(String ts) {
    return Timestamps.parse(ts).map(messages::get);
  }

  /** The replies of the thread whose parent has {@code parentTs}, oldest first. */
  java.util.List<ObjectNode> replies(String parentTs) {
    java.util.List<ObjectNode> replies = new java.util.ArrayList<>();
    for (Map.Entry<Long, ObjectNode> entry : messages.entrySet()) {
      ObjectNode message = entry.getValue();
      if (message.path("thread_ts").asString("").equals(parentTs) && !message.path("ts").asString().equals(parentTs)) {
        replies.add(message);
      }
    }
    return replies;
  }
}
