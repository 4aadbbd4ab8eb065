package dev.darkfactory.twin.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * Which attempt of a delivery is being made (from 1), and why the attempt before it failed: for vendors whose
 * headers say so (Slack's {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}).
 */
public record DeliveryAttempt(int number, Optional<Failure> previousFailure) {

  /** The first attempt: nothing failed before it. */
  public static final DeliveryAttempt FIRST = new DeliveryAttempt(1, Optional.empty());

  public DeliveryAttempt {
    Objects.requireNonNull(previousFailure, "previousFailure");
    if (number < 1) {
      throw new IllegalArgumentException("Attempts count from 1: " + number);
    }
  }

  /** Why an attempt failed. */
  public sealed interface Failure {
    /** No answer within the per-attempt timeout. */
    record Timeout() implements Failure {}

    /** No connection, or it broke before an answer. */
    record ConnectionFailed(String detail) implements Failure {}

    /** An answer outside 2xx. */
    record HttpStatus(int status) implements Failure {}
  }
}
