package dev.darkfactory.llm.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {

  private static List<SseEvent> read(String text, int bufferSize) throws IOException {
    SseReader reader = new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bufferSize);
    List<SseEvent> events = new ArrayList<>();
    for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
      events.add(event.get());
    }
    return events;
  }

  @Test
  void readsEventAndDataLines() throws IOException {
    List<SseEvent> events = read("event: message_start\ndata: {\"a\":1}\n\nevent: ping\ndata: {}\n\n", 16);
    assertThat(events).containsExactly(
        new SseEvent(Optional.of("message_start"), "{\"a\":1}", Optional.empty()),
        new SseEvent(Optional.of("ping"), "{}", Optional.empty()));
  }

  @Test
  void readsDataOnlyFramesWithoutDoneThatEndAtClose() throws IOException {
    List<SseEvent> events = read("data: {\"type\":\"a\"}\n\ndata: {\"type\":\"b\"}\n\n", 1024);
    assertThat(events).extracting(SseEvent::data).containsExactly("{\"type\":\"a\"}", "{\"type\":\"b\"}");
    assertThat(events).allMatch(event -> event.event().isEmpty());
  }

  @Test
  void joinsMultiLineDataWithNewlines() throws IOException {
    assertThat(read("data: first\ndata: second\ndata:third\n\n", 8)).extracting(SseEvent::data).containsExactly("first\nsecond\nthird");
  }

  @Test
  void ignoresCommentsRetryAndUnknownFieldsAndKeepsIds() throws IOException {
    List<SseEvent> events = read(": keep-alive\nretry: 3000\nid: 7\nfoo: bar\ndata: x\n\n", 4);
    assertThat(events).containsExactly(new SseEvent(Optional.empty(), "x", Optional.of("7")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r", "\n"})
  void acceptsEveryLineEnding(String newline) throws IOException {
    String text = "event: a" + newline + "data: 1" + newline + newline + "data: 2" + newline + newline;
    for (int size : new int[] {1, 2, 3, 64}) {
      assertThat(read(text, size)).extracting(SseEvent::data).containsExactly("1", "2");
    }
  }

  @Test
  void blankLineWithoutDataDispatchesNothing() throws IOException {
    assertThat(read("event: lonely\n\n\n\ndata: y\n\n", 5)).extracting(SseEvent::data).containsExactly("y");
  }

  @Test
  void dispatchesAFinalEventTerminatedByItsLineButNoBlankLine() throws IOException {
    assertThat(read("data: a\n\ndata: last\n", 3)).extracting(SseEvent::data).containsExactly("a", "last");
  }

  @Test
  void aStreamCutInsideALineIsAnError() {
    assertThatThrownBy(() -> read("data: {\"a\":1}\n\ndata: {\"b\":", 4))
        .isInstanceOf(SseStreamCutException.class)
        .hasMessageContaining("cut");
  }

  @Test
  void keepsMultiByteCharactersSplitAcrossReads() throws IOException {
    String text = "data: héllo 🌍 wörld\n\n";
    InputStream trickle = new InputStream() {
      private final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      private int position;

      @Override
      public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= bytes.length) {
          return -1;
        }
        b[off] = bytes[position++];
        return 1;
      }
    };
    SseReader reader = new SseReader(trickle, 2);
    assertThat(reader.next().orElseThrow().data()).isEqualTo("héllo 🌍 wörld");
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void stripsOnlyOneLeadingSpaceOfAValue() throws IOException {
    assertThat(read("data:  two spaces\n\n", 64)).extracting(SseEvent::data).containsExactly(" two spaces");
  }
}
