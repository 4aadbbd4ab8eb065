package dev.darkfactory.pipeline.backend;

import dev.darkfactory.pipeline.state.Outcome;
import java.util.Objects;

/**
 * What a backend returns (attractor-spec.md 4.5: "String | Outcome"): response text, from which
 * the codergen handler builds the outcome, or an outcome the backend decided itself.
 */
public sealed interface CodergenResult {

  static CodergenResult text(String response) {
    return new Response(response);
  }

  static CodergenResult outcome(Outcome outcome) {
    return new Decided(outcome);
  }

  /** The LLM's response text; the stage succeeds unless an agent wrote a {@code status.json} saying otherwise. */
  record Response(String text) implements CodergenResult {
    public Response {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The backend's own verdict, used as the stage's outcome. */
  record Decided(Outcome outcome) implements CodergenResult {
    public Decided {
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
