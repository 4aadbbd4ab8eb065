package dev.darkfactory.twin.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/** The last lines a process wrote, kept to explain why it exited or never became ready. */
final class OutputTail {

  private static final int LINES = 40;
  private static final int LINE_CHARS = 500;

  private final ArrayDeque<String> lines = new ArrayDeque<>();

  /** Reads {@code stream} to its end on a virtual thread. */
  static OutputTail follow(InputStream stream) {
    OutputTail tail = new OutputTail();
    Thread.ofVirtual().name("twin-output").start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          tail.add(line);
        }
      } catch (IOException e) {
        tail.add("[output unreadable: " + e.getMessage() + "]");
      }
    });
    return tail;
  }

  private synchronized void add(String line) {
    lines.addLast(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line);
    if (lines.size() > LINES) {
      lines.removeFirst();
    }
  }

  /** The kept lines, or a note that there were none. */
  synchronized String text() {
    return lines.isEmpty() ? "(no output)" : String.join("\n", lines);
  }
}
