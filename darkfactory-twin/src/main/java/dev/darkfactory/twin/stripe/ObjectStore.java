package dev.darkfactory.twin.stripe;

import java.util.LinkedHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of object by id, in creation order, knowing whether that order is also {@code created} order (it is,
 * unless the twin's clock was moved back or a seed listed objects out of order). Lists then walk it newest first
 * and stop at the page's end instead of sorting every object on every call.
 */
final class ObjectStore extends LinkedHashMap<String, ObjectNode> {

  private boolean inCreatedOrder = true;
  private long lastCreated = Long.MIN_VALUE;

  @Override
  public ObjectNode put(String id, ObjectNode object) {
    if (!containsKey(id)) {
      long created = object.path("created").asLong();
      if (created < lastCreated) {
        inCreatedOrder = false;
      }
      lastCreated = Math.max(lastCreated, created);
    }
    return super.put(id, object);
  }

  boolean inCreatedOrder() {
    return inCreatedOrder;
  }
}
