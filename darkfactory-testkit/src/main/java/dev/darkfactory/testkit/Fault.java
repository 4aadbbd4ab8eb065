package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.WireEncoder.ErrorKind;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the twin injects instead of, or while, serving a reply (after okhttp's {@code SocketEffect}). Error
 * bodies are rendered in the requested provider's own error format, with the status and message that provider
 * really uses, so the client's classification is tested against realistic input.
 */
public sealed interface Fault {

  /** An HTTP error response. {@code headers} are added verbatim (e.g. {@code Retry-After}). */
  record HttpError(int status, ErrorKind kind, String message, Map<String, String> headers) implements Fault {
    public HttpError {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      headers = Map.copyOf(headers);
    }
  }

  /** Waits before answering (then serves the reply normally). */
  record Delay(Duration delay) implements Fault {}

  /** Sends {@code afterEvents} stream events, then goes silent while keeping the connection open. */
  record StallStream(int afterEvents) implements Fault {}

  /** Sends {@code afterEvents} events and half of the next one, then drops the connection. */
  record CutStream(int afterEvents) implements Fault {}

  /** Sends {@code afterEvents} events and half of the next one, then ends the body cleanly (no terminal event). */
  record TruncateStream(int afterEvents) implements Fault {}

  /** Answers 200 with a body (or, when streaming, a frame after {@code afterEvents} events) that is not JSON. */
  record MalformedJson(int afterEvents) implements Fault {}

  /** Closes the connection without any response. */
  record Disconnect() implements Fault {}

  /** 429 with {@code Retry-After} in seconds (fractions allowed). */
  static Fault rateLimited(Duration retryAfter) {
    return new HttpError(429, ErrorKind.RATE_LIMIT, "Rate limit reached for requests. Please try again later.",
        Map.of("Retry-After", seconds(retryAfter)));
  }

  /** 429 without {@code Retry-After}. */
  static Fault rateLimited() {
    return new HttpError(429, ErrorKind.RATE_LIMIT, "Rate limit reached for requests.", Map.of());
  }

  static Fault serverError() {
    return new HttpError(500, ErrorKind.SERVER, "The server had an error while processing your request.", Map.of());
  }

  static Fault overloaded() {
    return new HttpError(529, ErrorKind.OVERLOADED, "Overloaded", Map.of());
  }

  static Fault unauthorized() {
    return new HttpError(401, ErrorKind.AUTHENTICATION, "Incorrect API key provided: invalid x-api-key.", Map.of());
  }

  static Fault forbidden() {
    return new HttpError(403, ErrorKind.PERMISSION, "Your API key does not have permission to use this model.", Map.of());
  }

  static Fault notFound() {
    return new HttpError(404, ErrorKind.NOT_FOUND, "The model `nonexistent` does not exist or you do not have access to it.", Map.of());
  }

  static Fault badRequest(String message) {
    return new HttpError(400, ErrorKind.INVALID_REQUEST, message, Map.of());
  }

  /** Billing exhaustion as a 402 (gateways such as OpenRouter use it). */
  static Fault billing() {
    return new HttpError(402, ErrorKind.BILLING, "Insufficient credits: add more credits to your account (billing).", Map.of());
  }

  /** Billing exhaustion as OpenAI reports it: 429 with code insufficient_quota. */
  static Fault quotaExhausted() {
    return new HttpError(429, ErrorKind.BILLING,
        "You exceeded your current quota, please check your plan and billing details.", Map.of());
  }

  /** Billing exhaustion as Anthropic reports it: 400 with a credit-balance message. */
  static Fault creditBalanceTooLow() {
    return new HttpError(400, ErrorKind.BILLING,
        "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
        Map.of());
  }

  static Fault contextLength() {
    return new HttpError(400, ErrorKind.CONTEXT_LENGTH,
        "This model's maximum context length is 200000 tokens. However, your messages resulted in 210000 tokens (context length exceeded).",
        Map.of());
  }

  static Fault contentFilter() {
    return new HttpError(400, ErrorKind.CONTENT_FILTER,
        "The request was rejected by the content filter (safety system).", Map.of());
  }

  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }
}
