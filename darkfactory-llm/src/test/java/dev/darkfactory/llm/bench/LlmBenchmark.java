package dev.darkfactory.llm.bench;

import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.internal.http.SseEventStream;
import dev.darkfactory.llm.internal.sse.SseEvent;
import dev.darkfactory.llm.internal.sse.SseReader;
import dev.darkfactory.llm.provider.anthropic.AnthropicStreamTranslator;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.testkit.Script;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client's speed against baselines measured in the same run (bench/llm/run.sh):
 * <ol>
 *   <li>SSE parsing throughput in MB/s: {@code BufferedReader.readLine} over the same bytes (the floor any line-based
 *       parser pays), our {@link SseReader}, and reader plus Anthropic translation into unified events.</li>
 *   <li>Time to first token over loopback against the twin: a raw socket that writes the HTTP request by hand and
 *       stops at the first {@code text_delta} bytes, versus {@code Client.stream()} up to the first TextDelta event.
 *       The difference is the latency the client adds.</li>
 *   <li>Whole-stream throughput over loopback: raw socket read to EOF versus the client consuming every event.</li>
 * </ol>
 * Prints numbers; it is a main, not a test, so it never slows or flakes the build.
 */
public final class LlmBenchmark {

  private static final String MESSAGES_BODY = "{\"model\":\"claude-opus-4-6\",\"max_tokens\":10000000,\"stream\":true,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

  public static void main(String[] args) throws Exception {
    int iterations = intArg(args, "--iterations", 300);
    int megabytes = intArg(args, "--megabytes", 32);
    System.out.printf("Dark Factory LLM client benchmark (JDK %s, %d cores)%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
    parsing(megabytes);
    loopback(iterations);
  }

  private static void parsing(int megabytes) throws IOException {
    byte[] body = anthropicStream(megabytes * 1024 * 1024);
    double mb = body.length / (1024.0 * 1024.0);
    System.out.printf("1. SSE parsing, %.1f MB of Anthropic text_delta frames (best of 5 after warm-up)%n", mb);
    for (int i = 0; i < 3; i++) {
      readLines(body);
      sseReader(body);
      translated(body);
    }
    double baseline = best(5, () -> readLines(body));
    double reader = best(5, () -> sseReader(body));
    double full = best(5, () -> translated(body));
    System.out.printf("   baseline BufferedReader.readLine       %8.0f MB/s%n", mb / baseline);
    System.out.printf("   SseReader (events)                     %8.0f MB/s%n", mb / reader);
    System.out.printf("   SseReader + Anthropic translation      %8.0f MB/s%n%n", mb / full);
  }

  private static void loopback(int iterations) throws Exception {
    String text = "The quick brown fox jumps over the lazy dog. ".repeat(20);
    Script script = Script.builder().on(Match.any(), Reply.text(text).withChunkSize(16).withUsage(10, 200), -1).build();
    try (FakeProviderServer twin = FakeProviderServer.start(script);
        Client client = Client.fromEnv(Environment.of(twin.environment()),
            new AdapterTimeout(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30)))) {
      Request request = Request.of("claude-opus-4-6", "go").toBuilder().provider("anthropic").maxTokens(10_000_000).build();
      for (int i = 0; i < Math.max(50, iterations / 3); i++) {
        rawFirstToken(twin);
        clientFirstToken(client, request);
      }
      long[] raw = new long[iterations];
      long[] viaClient = new long[iterations];
      for (int i = 0; i < iterations; i++) {
        raw[i] = rawFirstToken(twin);
        viaClient[i] = clientFirstToken(client, request);
      }
      System.out.printf("2. Time to first token over loopback, %d interleaved runs (twin, Anthropic stream)%n", iterations);
      System.out.printf("   baseline raw socket      median %7.3f ms   p90 %7.3f ms%n", median(raw), p90(raw));
      System.out.printf("   Client.stream()          median %7.3f ms   p90 %7.3f ms%n", median(viaClient), p90(viaClient));
      System.out.printf("   added by the client      median %7.3f ms%n%n", median(viaClient) - median(raw));

      String big = "x".repeat(4 * 1024 * 1024);
      try (FakeProviderServer bigTwin = FakeProviderServer.start(Script.builder()
          .on(Match.any(), Reply.text(big).withChunkSize(256).withUsage(10, 1), -1).build());
          Client bigClient = Client.fromEnv(Environment.of(bigTwin.environment()),
              new AdapterTimeout(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30)))) {
        long wireBytes = rawWholeStream(bigTwin);
        for (int i = 0; i < 3; i++) {
          rawWholeStream(bigTwin);
          clientWholeStream(bigClient, request);
        }
        double rawSeconds = best(3, () -> rawWholeStream(bigTwin));
        double clientSeconds = best(3, () -> clientWholeStream(bigClient, request));
        double mb = wireBytes / (1024.0 * 1024.0);
        System.out.printf("3. Whole stream over loopback, %.1f MB on the wire (best of 3)%n", mb);
        System.out.printf("   baseline raw socket read %8.0f MB/s%n", mb / rawSeconds);
        System.out.printf("   Client.stream() events   %8.0f MB/s%n", mb / clientSeconds);
      }
    }
  }

  private static byte[] anthropicStream(int size) {
    StringBuilder sse = new StringBuilder(size + 1024);
    sse.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"m\",\"usage\":{\"input_tokens\":1}}}\n\n");
    sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    String frame = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"The quick brown fox jumps over the lazy dog \"}}\n\n";
    while (sse.length() < size) {
      sse.append(frame);
    }
    sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
    sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":5}}\n\n");
    sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    return sse.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void readLines(byte[] body) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
      long n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        n += line.length();
      }
      sink(n);
    }
  }

  private static void sseReader(byte[] body) throws IOException {
    SseReader reader = new SseReader(new ByteArrayInputStream(body));
    long n = 0;
    for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
      n += event.get().data().length();
    }
    sink(n);
  }

  private static void translated(byte[] body) {
    long n = 0;
    try (EventStream events = new SseEventStream(new ByteArrayInputStream(body),
        new AnthropicStreamTranslator("anthropic", "m", List.of()), Optional.empty())) {
      for (StreamEvent event : events) {
        if (event instanceof StreamEvent.TextDelta) {
          n++;
        }
      }
    }
    sink(n);
  }

  private static long rawFirstToken(FakeProviderServer twin) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", twin.port())) {
      socket.setTcpNoDelay(true);
      long start = System.nanoTime();
      send(socket, twin);
      InputStream in = socket.getInputStream();
      byte[] needle = "text_delta".getBytes(StandardCharsets.US_ASCII);
      byte[] buffer = new byte[8192];
      int matched = 0;
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        for (int i = 0; i < read; i++) {
          matched = buffer[i] == needle[matched] ? matched + 1 : (buffer[i] == needle[0] ? 1 : 0);
          if (matched == needle.length) {
            return System.nanoTime() - start;
          }
        }
      }
      throw new IOException("No text_delta in the stream");
    }
  }

  private static long rawWholeStream(FakeProviderServer twin) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", twin.port())) {
      send(socket, twin);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      long total = 0;
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        total += read;
      }
      return total;
    }
  }

  private static void send(Socket socket, FakeProviderServer twin) throws IOException {
    byte[] body = MESSAGES_BODY.getBytes(StandardCharsets.UTF_8);
    String head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1:" + twin.port() + "\r\nContent-Type: application/json\r\n"
        + "x-api-key: test-key\r\nanthropic-version: 2023-06-01\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static long clientFirstToken(Client client, Request request) {
    long start = System.nanoTime();
    try (EventStream events = client.stream(request)) {
      for (StreamEvent event : events) {
        if (event instanceof StreamEvent.TextDelta) {
          return System.nanoTime() - start;
        }
      }
    }
    throw new IllegalStateException("No text delta");
  }

  private static void clientWholeStream(Client client, Request request) {
    long n = 0;
    try (EventStream events = client.stream(request)) {
      for (StreamEvent event : events) {
        if (event instanceof StreamEvent.TextDelta) {
          n++;
        }
      }
    }
    sink(n);
  }

  private interface Work {
    Object run() throws Exception;
  }

  private interface VoidWork {
    void run() throws Exception;
  }

  private static double best(int runs, Work work) throws IOException {
    return best(runs, (VoidWork) work::run);
  }

  private static double best(int runs, VoidWork work) throws IOException {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try {
        work.run();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return best;
  }

  private static volatile long blackhole;

  private static void sink(long value) {
    blackhole += value;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double p90(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) (sorted.length * 0.9)] / 1e6;
  }

  private static int intArg(String[] args, String name, int fallback) {
    List<String> list = new ArrayList<>(List.of(args));
    int index = list.indexOf(name);
    return index >= 0 && index + 1 < list.size() ? Integer.parseInt(list.get(index + 1)) : fallback;
  }
}
