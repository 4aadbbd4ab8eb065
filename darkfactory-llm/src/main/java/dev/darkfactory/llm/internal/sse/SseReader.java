package dev.darkfactory.llm.internal.sse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A pull parser for {@code text/event-stream} (the WHATWG grammar, unified-llm-spec §7.7): {@code event:},
 * {@code data:} (joined across lines), {@code id:}, {@code retry:}, comments, blank-line dispatch, and LF, CR or CRLF
 * line ends. It reads bytes itself and decodes only whole lines, so multi-byte characters split across reads stay
 * intact. A final event terminated by its line end but not by a blank line is dispatched (many servers close right
 * after it); bytes after the last line end mean the stream was cut and raise {@link SseStreamCutException}.
 */
public final class SseReader {

  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean skipLineFeed;

  private byte[] pending = new byte[256];
  private int pendingLength;

  private String eventType;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String lastId;

  public SseReader(InputStream in) {
    this(in, 16 * 1024);
  }

  public SseReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** The next event, or empty at a clean end of stream. */
  public Optional<SseEvent> next() throws IOException {
    while (true) {
      String line = readLine();
      if (line == null) {
        return hasData ? Optional.of(dispatch()) : Optional.empty();
      }
      if (line.isEmpty()) {
        if (hasData) {
          return Optional.of(dispatch());
        }
        eventType = null;
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      field(line);
    }
  }

  private void field(String line) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (!value.isEmpty() && value.charAt(0) == ' ') {
      value = value.substring(1);
    }
    switch (name) {
      case "event" -> eventType = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "id" -> lastId = value;
      default -> {
        // "retry" sets a reconnection delay; the client never reconnects a model stream, and unknown fields
        // are ignored by the SSE grammar.
      }
    }
  }

  private SseEvent dispatch() {
    SseEvent event = new SseEvent(Optional.ofNullable(eventType), data.toString(), Optional.ofNullable(lastId));
    eventType = null;
    data.setLength(0);
    hasData = false;
    return event;
  }

  /** The next line without its terminator, or null at end of input after a complete line. */
  private String readLine() throws IOException {
    pendingLength = 0;
    while (true) {
      if (position == limit && !fill()) {
        if (pendingLength > 0) {
          throw new SseStreamCutException("The event stream was cut in the middle of a line");
        }
        return null;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (end < limit) {
        skipLineFeed = buffer[end] == '\r';
        position = end + 1;
        return line(start, end);
      }
      append(start, end);
      position = limit;
    }
  }

  private String line(int start, int end) {
    if (pendingLength == 0) {
      return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
    append(start, end);
    return new String(pending, 0, pendingLength, StandardCharsets.UTF_8);
  }

  private void append(int start, int end) {
    int length = end - start;
    if (pendingLength + length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
    }
    System.arraycopy(buffer, start, pending, pendingLength, length);
    pendingLength += length;
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }
}
