package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.http.SseEventStream;
import dev.darkfactory.llm.internal.http.StreamTranslator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Replays a recorded SSE body through a translator, exactly as the adapters do. */
public final class StreamFixtures {

  private StreamFixtures() {}

  public static List<StreamEvent> replay(String resource, StreamTranslator translator) {
    return replayText(Golden.resource(resource), translator);
  }

  public static List<StreamEvent> replayText(String sse, StreamTranslator translator) {
    List<StreamEvent> events = new ArrayList<>();
    try (EventStream stream = new SseEventStream(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)),
        translator, Optional.empty())) {
      stream.forEach(events::add);
    }
    return events;
  }

  public static List<StreamEventType> types(List<StreamEvent> events) {
    return events.stream().map(StreamEvent::type).toList();
  }

  public static Response finalResponse(List<StreamEvent> events) {
    StreamEvent last = events.get(events.size() - 1);
    if (last instanceof StreamEvent.Finish finish) {
      return finish.response();
    }
    throw new AssertionError("The stream did not finish: " + last);
  }
}
