package dev.darkfactory.twin.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a fault rule does to a request or a webhook (after okhttp's {@code SocketEffect}). Status bodies are the
 * twin's own error format, so an injected 429 looks exactly as the vendor's does.
 */
public sealed interface Fault {

  /** Waits before the request is served (or the webhook sent); then carries on normally. */
  record Latency(Delay delay) implements Fault {
    public Latency {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * Answers with an HTTP status and the vendor's error body for it; {@code retryAfter} adds a {@code Retry-After}
   * header (whole seconds, rounded up); {@code message} replaces the vendor's default message.
   */
  record Status(int status, Optional<Duration> retryAfter, Optional<String> message) implements Fault {
    public Status {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("A fault status is an error status (400-599), not " + status);
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Resets the TCP connection (an RST, not a clean close): the client sees "connection reset". */
  record Reset() implements Fault {}

  /**
   * Sends the real response's headers (with its full {@code Content-Length}) and only the first {@code bytes} of
   * its body (half when empty), then closes the connection.
   */
  record Truncate(OptionalInt bytes) implements Fault {
    public Truncate {
      Objects.requireNonNull(bytes, "bytes");
      if (bytes.isPresent() && bytes.getAsInt() < 0) {
        throw new IllegalArgumentException("bytes must not be negative: " + bytes.getAsInt());
      }
    }
  }

  /** Sends a complete response whose body is not valid JSON (the real body cut mid-value). */
  record Malformed() implements Fault {}

  /** Holds the request without answering until the client gives up ({@code max} bounds the wait; then a reset). */
  record Hang(Optional<Duration> max) implements Fault {
    public Hang {
      Objects.requireNonNull(max, "max");
    }
  }

  /** Drops a webhook: it is never sent, and the journal says which rule dropped it. */
  record Drop() implements Fault {}

  /** Sends a webhook {@code 1 + times} times (the same event id each time). */
  record Duplicate(int times) implements Fault {
    public Duplicate {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1: " + times);
      }
    }
  }

  static Fault latency(Duration fixed) {
    return new Latency(new Delay.Fixed(fixed));
  }

  static Fault status(int status) {
    return new Status(status, Optional.empty(), Optional.empty());
  }

  static Fault rateLimited(Duration retryAfter) {
    return new Status(429, Optional.of(retryAfter), Optional.empty());
  }

  static Fault reset() {
    return new Reset();
  }

  static Fault truncate() {
    return new Truncate(OptionalInt.empty());
  }

  static Fault malformed() {
    return new Malformed();
  }

  static Fault hang() {
    return new Hang(Optional.empty());
  }

  static Fault drop() {
    return new Drop();
  }

  static Fault duplicate(int times) {
    return new Duplicate(times);
  }

  /** Whether the fault can apply to HTTP requests (as opposed to webhooks only). */
  static boolean appliesToRequests(Fault fault) {
    return switch (fault) {
      case Latency latency -> true;
      case Status status -> true;
      case Reset reset -> true;
      case Truncate truncate -> true;
      case Malformed malformed -> true;
      case Hang hang -> true;
      case Drop drop -> false;
      case Duplicate duplicate -> false;
    };
  }

  /** Whether the fault can apply to webhook deliveries. */
  static boolean appliesToWebhooks(Fault fault) {
    return switch (fault) {
      case Latency latency -> true;
      case Drop drop -> true;
      case Duplicate duplicate -> true;
      case Status status -> false;
      case Reset reset -> false;
      case Truncate truncate -> false;
      case Malformed malformed -> false;
      case Hang hang -> false;
    };
  }

  /** The wire name of the fault's kind, as in rule files. */
  static String kind(Fault fault) {
    return switch (fault) {
      case Latency latency -> "latency";
      case Status status -> "status";
      case Reset reset -> "reset";
      case Truncate truncate -> "truncate";
      case Malformed malformed -> "malformed";
      case Hang hang -> "hang";
      case Drop drop -> "drop";
      case Duplicate duplicate -> "duplicate";
    };
  }
}
