package dev.darkfactory.twin.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.darkfactory.twin.document.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A Slack app's Events API endpoint on loopback, as the system under test would run it: answers
 * {@code url_verification} with the challenge, records every request with whether its signature verifies, and answers
 * scripted statuses (or holds an answer back until released, to make the twin time out).
 *
 * <p>The signature check is written here by hand from Slack's documentation ("Verifying requests from Slack"), not with
 * the twin's {@link SlackSignature}, so the test would catch a signer that agrees only with itself. Slack's own
 * {@code SlackSignature.Verifier} lives in {@code slack-app-backend}, which the registry here does not serve at 1.50.0.
 */
final class SlackApp implements AutoCloseable {

  /** One request as received. */
  record Request(Map<String, List<String>> headers, String body, boolean signatureValid) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse("");
    }

    JsonNode json() {
      return Json.parse(body);
    }

    String type() {
      return json().path("type").asString();
    }

    String eventType() {
      return json().path("event").path("type").asString();
    }
  }

  /** How the app answers the challenge. */
  enum Challenge {
    PLAIN,
    JSON,
    WRONG
  }

  private final String signingSecret;
  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile Challenge challenge = Challenge.PLAIN;
  private volatile int holdNext;

  SlackApp(String signingSecret) {
    this.signingSecret = signingSecret;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
    Request request = new Request(headers, body, verifies(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
        exchange.getRequestHeaders().getFirst("X-Slack-Signature"), bytes));
    requests.add(request);
    if (request.type().equals("url_verification")) {
      String given = request.json().path("challenge").asString();
      byte[] answer = switch (challenge) {
        case PLAIN -> given.getBytes(StandardCharsets.UTF_8);
        case JSON -> ("{\"challenge\":\"" + given + "\"}").getBytes(StandardCharsets.UTF_8);
        case WRONG -> "hello".getBytes(StandardCharsets.UTF_8);
      };
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
      return;
    }
    if (holdNext > 0) {
      holdNext--;
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Integer status = statuses.poll();
    exchange.sendResponseHeaders(status == null ? 200 : status, -1);
    exchange.close();
  }

  /** Slack's documented check: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)), timestamp within 5 minutes. */
  private boolean verifies(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return false;
    }
    try {
      long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
      return age < 300 && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      return false;
    }
  }

  SlackApp challenge(Challenge how) {
    this.challenge = how;
    return this;
  }

  /** The next answers to events, in order (then 200). */
  SlackApp answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  /** Holds back the answer to the next {@code count} events until {@link #close()}. */
  SlackApp hold(int count) {
    this.holdNext = count;
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> events() {
    return requests.stream().filter(request -> request.type().equals("event_callback")).toList();
  }

  List<Request> events(String eventType) {
    return events().stream().filter(request -> request.eventType().equals(eventType)).toList();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
