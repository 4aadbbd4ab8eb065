package dev.darkfactory.testkit;

import com.sun.net.httpserver.HttpExchange;
import dev.darkfactory.testkit.wire.SseFrame;
import dev.darkfactory.testkit.wire.WireEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Writes an SSE body frame by frame, applying stream faults. */
record StreamWriter(HttpExchange exchange, WireEncoder encoder, StreamStyle style, Reply reply, CountDownLatch closing) {

  void write(List<SseFrame> frames) throws IOException {
    boolean eventLines = style == StreamStyle.EVENT_LINES;
    List<String> rendered = new java.util.ArrayList<>(frames.stream().map(frame -> frame.render(eventLines)).toList());
    if (encoder.doneMarker() && eventLines) {
      rendered.add("data: [DONE]\n\n");
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    Optional<Fault> fault = reply.fault();
    if (fault.isPresent() && fault.get() instanceof Fault.CutStream cut) {
      cutConnection(rendered, cut.afterEvents());
      return;
    }
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < rendered.size(); i++) {
      if (fault.isPresent() && applyAt(fault.get(), i, rendered.get(i), out)) {
        out.close();
        return;
      }
      out.write(rendered.get(i).getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (!reply.frameDelay().isZero()) {
        ExchangeHandler.pause(reply.frameDelay().toMillis());
      }
    }
    out.close();
  }

  /** Applies a fault due before frame {@code index}; true when the stream must end here. */
  private boolean applyAt(Fault fault, int index, String frame, OutputStream out) throws IOException {
    switch (fault) {
      case Fault.StallStream stall when stall.afterEvents() == index -> {
        out.flush();
        try {
          closing.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return true;
      }
      case Fault.TruncateStream truncate when truncate.afterEvents() == index -> {
        out.write(frame.substring(0, frame.length() / 2).getBytes(StandardCharsets.UTF_8));
        return true;
      }
      case Fault.MalformedJson malformed when malformed.afterEvents() == index -> {
        out.write("data: {\"type\": \"broken\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Declares the full body length, sends part of it, and closes: the JDK server then drops the connection, so
   * the client sees the body end early rather than a clean end of stream.
   */
  private void cutConnection(List<String> rendered, int afterEvents) throws IOException {
    byte[] all = String.join("", rendered).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, all.length);
    OutputStream out = exchange.getResponseBody();
    for (String frame : rendered.subList(0, Math.min(afterEvents, rendered.size()))) {
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (!reply.frameDelay().isZero()) {
        ExchangeHandler.pause(reply.frameDelay().toMillis());
      }
    }
    String next = afterEvents < rendered.size() ? rendered.get(afterEvents) : "";
    out.write(next.substring(0, next.length() / 2).getBytes(StandardCharsets.UTF_8));
    out.flush();
    // Failing the exchange makes the JDK server drop the connection mid-body, which is the point.
    throw new ExchangeHandler.DisconnectRequested();
  }
}
