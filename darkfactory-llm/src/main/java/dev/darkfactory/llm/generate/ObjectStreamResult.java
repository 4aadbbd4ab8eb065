package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.internal.json.PartialJson;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The result of {@code streamObject()} (unified-llm-spec §4.6): iterating yields partial objects that grow as tokens
 * arrive (each distinct from the previous); {@link #object()} returns the final, validated object.
 */
public final class ObjectStreamResult implements Iterable<JsonNode>, AutoCloseable {

  private final StreamResult stream;
  private final Function<String, JsonNode> finisher;
  private final StringBuilder text = new StringBuilder();
  private boolean consumed;

  ObjectStreamResult(StreamResult stream, Function<String, JsonNode> finisher) {
    this.stream = stream;
    this.finisher = finisher;
  }

  @Override
  public Iterator<JsonNode> iterator() {
    consumed = true;
    Iterator<StreamEvent> events = stream.iterator();
    return new Iterator<>() {
      private JsonNode next;
      private JsonNode last;

      @Override
      public boolean hasNext() {
        while (next == null && events.hasNext()) {
          if (events.next() instanceof StreamEvent.TextDelta delta) {
            text.append(delta.delta());
            Optional<JsonNode> partial = PartialJson.parse(text.toString());
            if (partial.isPresent() && !partial.get().equals(last)) {
              next = partial.get();
              last = next;
            }
          }
        }
        return next != null;
      }

      @Override
      public JsonNode next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        JsonNode value = next;
        next = null;
        return value;
      }
    };
  }

  /** The complete object, validated against the schema; consumes the stream if needed. */
  public JsonNode object() {
    if (!consumed) {
      iterator().forEachRemaining(partial -> {});
    }
    return finisher.apply(stream.response().text());
  }

  public StreamResult stream() {
    return stream;
  }

  @Override
  public void close() {
    stream.close();
  }
}
