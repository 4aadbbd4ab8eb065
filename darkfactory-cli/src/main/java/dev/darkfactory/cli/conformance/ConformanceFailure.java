package dev.darkfactory.cli.conformance;

import java.util.Objects;

/**
 * A failure the adapter reports as the contract asks: {@code {"error": message, "error_type":
 * kind}} on stdout and a non-zero exit (attractorbench contract, tier 1 "Errors").
 *
 * @param kind a snake_case category: an LLM error kind such as {@code authentication}, or {@code
 *     invalid_request} for stdin the adapter cannot use
 */
public final class ConformanceFailure extends RuntimeException {
  private final String kind;
  private final String remedy;

  public ConformanceFailure(String kind, String message, String remedy) {
    super(Objects.requireNonNull(message, "message"));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.remedy = Objects.requireNonNull(remedy, "remedy");
  }

  /** Input the adapter cannot use (not JSON, a missing field). */
  public static ConformanceFailure invalidRequest(String message) {
    return new ConformanceFailure("invalid_request", message, "Fix the JSON on standard input.");
  }

  public String kind() {
    return kind;
  }

  public String remedy() {
    return remedy;
  }
}
