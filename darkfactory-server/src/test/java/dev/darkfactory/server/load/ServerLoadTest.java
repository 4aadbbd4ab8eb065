package dev.darkfactory.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load test of issue 7, bounded in count and time and on loopback only: 200 concurrent runs on
 * the scripted backend, 500 SSE subscribers spread over them. Each run waits at a human gate until
 * every subscriber is connected; then all gates are answered at once and the runs race to the end.
 *
 * <p>Prints runs per second (submission, and completion after the release), p50/p99/max event
 * delivery latency (the event's {@code at} to its arrival at a subscriber, live events only) and
 * the JVM's peak heap (server and clients share it). Tagged {@code load}: excluded from the normal
 * build; run with {@code bench/server/run.sh}.
 */
@Tag("load")
class ServerLoadTest {
  private static final int RUNS = Integer.getInteger("load.runs", 200);
  private static final int SUBSCRIBERS = Integer.getInteger("load.subscribers", 500);
  private static final int STAGES = Integer.getInteger("load.stages", 10);
  private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoHundredRunsFiveHundredSubscribers() throws Exception {
    Path data = Files.createDirectories(Path.of("target", "load-" + System.currentTimeMillis()));
    HeapSampler heap = HeapSampler.start();
    try (TestServer server = TestServer.start(data)) {
      String dot = pipeline();
      Map<String, Object> body = Map.of("dot", dot, "backend", "scripted", "started_by", "load",
          "script", Map.of("nodes", Map.of("s1", List.of(Map.of("outcome", "success", "notes", "scripted")))));

      long submitStart = System.nanoTime();
      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      runConcurrently(RUNS, 32, i -> ids.add(server.submit(body)));
      double submitSeconds = seconds(System.nanoTime() - submitStart);
      for (String id : ids) {
        server.awaitQuestion(id);
      }

      List<Long> latencies = Collections.synchronizedList(new ArrayList<>(SUBSCRIBERS * (STAGES * 4 + 10)));
      CountDownLatch connected = new CountDownLatch(SUBSCRIBERS);
      CountDownLatch ended = new CountDownLatch(SUBSCRIBERS);
      AtomicLong received = new AtomicLong();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String id = ids.get(i % ids.size());
        Thread.ofVirtual().start(() -> subscribe(server, id, connected, ended, latencies, received));
      }
      assertThat(connected.await(60, TimeUnit.SECONDS)).as("all subscribers connected").isTrue();

      Map<String, String> questions = new ConcurrentHashMap<>();
      for (String id : ids) {
        questions.put(id, server.get("/pipelines/" + id + "/questions").json().path("questions").get(0).path("id").asString());
      }
      long release = System.nanoTime();
      runConcurrently(RUNS, 32, i -> {
        String id = ids.get(i);
        server.post("/pipelines/" + id + "/questions/" + questions.get(id) + "/answer", Map.of("value", "A"));
      });
      for (String id : ids) {
        server.server.runs().awaitFinished(id, Duration.ofSeconds(120));
      }
      double runSeconds = seconds(System.nanoTime() - release);
      assertThat(ended.await(120, TimeUnit.SECONDS)).as("every stream ended").isTrue();
      for (String id : ids) {
        assertThat(server.get("/pipelines/" + id).json().path("run").path("status").asString()).isEqualTo("success");
      }

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      String report = String.format(Locale.ROOT, """
          == server load test: %d runs (%d stages each, scripted backend), %d SSE subscribers
          submission:        %.1f runs/s (%d runs in %.2f s)
          completion:        %.1f runs/s (all %d runs from the gate's release to their end in %.2f s)
          events delivered:  %d live events to subscribers
          delivery latency:  p50 %d ms, p99 %d ms, max %d ms (event timestamp to client receipt)
          peak heap:         %d MiB used (server and load clients in one JVM; max heap %d MiB)
          """, RUNS, STAGES, SUBSCRIBERS, RUNS / submitSeconds, RUNS, submitSeconds, RUNS / runSeconds, RUNS, runSeconds,
          sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast(),
          heap.stop() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
      System.out.println(report);
      Files.writeString(Path.of("target", "load-report.txt"), report);
      assertThat(sorted).isNotEmpty();
    }
  }

  private static void subscribe(TestServer server, String id, CountDownLatch connected, CountDownLatch ended, List<Long> latencies, AtomicLong received) {
    try {
      HttpResponse<InputStream> response = server.http().send(server.request("/pipelines/" + id + "/events").timeout(Duration.ofMinutes(3))
          .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      Instant since = Instant.now();
      connected.countDown();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("event: end")) {
            break;
          }
          if (!line.startsWith("data: ")) {
            continue;
          }
          long now = System.currentTimeMillis();
          Matcher at = AT.matcher(line);
          if (at.find()) {
            Instant stamp = Instant.parse(at.group(1));
            if (stamp.isAfter(since)) {
              latencies.add(now - stamp.toEpochMilli());
              received.incrementAndGet();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ended.countDown();
    }
  }

  private static String pipeline() {
    StringBuilder dot = new StringBuilder("digraph Load {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n");
    dot.append("  gate [shape=hexagon, label=\"Go?\"]\n");
    for (int i = 1; i <= STAGES; i++) {
      dot.append("  s").append(i).append(" [prompt=\"Stage ").append(i).append(" of $goal\"]\n");
    }
    dot.append("  start -> gate\n  gate -> s1 [label=\"[A] Go\"]\n");
    for (int i = 1; i < STAGES; i++) {
      dot.append("  s").append(i).append(" -> s").append(i + 1).append("\n");
    }
    dot.append("  s").append(STAGES).append(" -> exit\n}\n");
    return dot.toString();
  }

  private static void runConcurrently(int count, int parallelism, java.util.function.IntConsumer task) throws InterruptedException {
    java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(parallelism);
    CountDownLatch done = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int n = i;
      permits.acquire();
      Thread.ofVirtual().start(() -> {
        try {
          task.accept(n);
        } finally {
          permits.release();
          done.countDown();
        }
      });
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("tasks did not finish in time");
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Samples the used heap every 20 ms and keeps the peak. */
  private static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    private HeapSampler() {
      thread = Thread.ofPlatform().daemon().start(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    static HeapSampler start() {
      return new HeapSampler();
    }

    long stop() {
      running = false;
      thread.interrupt();
      return peak.get();
    }
  }
}
