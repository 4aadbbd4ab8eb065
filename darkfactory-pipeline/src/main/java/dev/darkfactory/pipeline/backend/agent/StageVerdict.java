package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.llm.AccessDeniedException;
import dev.darkfactory.llm.AuthenticationException;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.ProviderException;
import dev.darkfactory.llm.QuotaExceededException;
import dev.darkfactory.pipeline.backend.BackendStopException;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.backend.RetryableFailure;
import dev.darkfactory.pipeline.backend.StageFailureException;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StopReason;
import java.util.Optional;

/**
 * Turns how an agent session ended into the stage's result (attractor-spec.md 4.5, Appendix C,
 * Appendix D):
 *
 * <ul>
 *   <li>a budget refusal stops the run resumably ({@link BackendStopException});
 *   <li>authentication, permission and billing or quota errors stop the run resumably too, with the
 *       client's remedy: every later stage would fail the same way, and the fix is outside the run;
 *   <li>transient LLM errors that outlived the client's retries are thrown as retryable, so the
 *       node's retry policy decides (3.6);
 *   <li>a completed session's {@code report_outcome} is the outcome; without one, its text goes back
 *       to the codergen handler, which reads a {@code status.json} the agent wrote, applies {@code
 *       auto_status}, or succeeds;
 *   <li>the watchdog's reason (stalled, timed out), a round or turn limit, a truncated answer and a
 *       context overflow fail the stage with that reason, unless the agent had reported an outcome.
 * </ul>
 */
final class StageVerdict {
  static final String STOP_AUTH = "provider_auth";
  static final String STOP_BILLING = "provider_billing";

  private StageVerdict() {}

  /** A transient LLM failure the node's retry policy may retry. */
  static final class TransientStageFailure extends StageFailureException implements RetryableFailure {
    TransientStageFailure(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  static CodergenResult of(SubmitResult result, StageRun stage) {
    Optional<StopReason> refusal = stage.refusal();
    if (refusal.isPresent()) {
      throw new BackendStopException(refusal.get());
    }
    Optional<LlmException> llm = result.error().map(Throwable::getCause).filter(LlmException.class::isInstance).map(LlmException.class::cast);
    if (llm.isPresent()) {
      providerStop(llm.get()).ifPresent(reason -> {
        throw new BackendStopException(reason);
      });
    }
    Optional<Outcome> reported = stage.reported();
    return switch (result.stopReason()) {
      case COMPLETED -> reported.<CodergenResult>map(o -> CodergenResult.outcome(withLast(o, stage, result.output())))
          .orElseGet(() -> CodergenResult.text(result.output()));
      case ABORTED -> CodergenResult.outcome(withLast(stage.abortReason().map(Outcome::fail)
          .orElseGet(() -> Outcome.fail("the agent session was aborted")), stage, result.output()));
      case ROUND_LIMIT, TURN_LIMIT -> decided(reported, "the agent reached its " + (result.stopReason() == dev.darkfactory.agent.StopReason.ROUND_LIMIT
          ? "tool-round" : "turn") + " limit without finishing the stage", stage, result);
      case OUTPUT_TRUNCATED -> decided(reported, "the model's answer was cut off at its output token limit", stage, result);
      case CONTEXT_LENGTH -> decided(reported, result.error().map(Throwable::getMessage)
          .orElse("the conversation no longer fits the model's context window"), stage, result);
      case FAILED -> {
        String message = result.error().map(Throwable::getMessage).orElse("the agent session failed");
        if (llm.isPresent() && llm.get().retryable()) {
          throw new TransientStageFailure(message, llm.get());
        }
        yield decided(reported, message, stage, result);
      }
    };
  }

  private static CodergenResult decided(Optional<Outcome> reported, String failure, StageRun stage, SubmitResult result) {
    return CodergenResult.outcome(withLast(reported.orElseGet(() -> Outcome.fail(failure)), stage, result.output()));
  }

  /** Authentication, permission and billing failures stop the run; nothing a retry or another stage could fix. */
  static Optional<StopReason> providerStop(LlmException error) {
    return switch (error) {
      case AuthenticationException e -> Optional.of(new StopReason(STOP_AUTH, "the provider refused the API key: "
          + sentence(e.getMessage()) + " " + keyHint(e) + e.remedy() + " Then resume the run", true));
      case AccessDeniedException e -> Optional.of(new StopReason(STOP_AUTH, "the provider denied access: "
          + sentence(e.getMessage()) + " " + e.remedy() + " Then resume the run", true));
      case QuotaExceededException e -> Optional.of(new StopReason(STOP_BILLING, "the provider account is out of credit or quota: "
          + sentence(e.getMessage()) + " " + e.remedy() + " Then resume the run", true));
      default -> Optional.empty();
    };
  }

  /** Names the variable of the provider that refused, when it is one of the three native ones. */
  private static String keyHint(ProviderException error) {
    String variable = switch (error.provider()) {
      case "openai" -> "OPENAI_API_KEY";
      case "anthropic" -> "ANTHROPIC_API_KEY";
      case "gemini" -> "GEMINI_API_KEY";
      default -> "";
    };
    return variable.isEmpty() ? "" : "(" + variable + ") ";
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  /** The context updates the codergen handler sets for text responses (4.5), for outcomes decided here too. */
  private static Outcome withLast(Outcome outcome, StageRun stage, String text) {
    Outcome result = outcome;
    if (!result.contextUpdates().containsKey(ContextKeys.LAST_STAGE)) {
      result = result.withContextUpdate(ContextKeys.LAST_STAGE, stage.nodeIdValue());
    }
    if (!result.contextUpdates().containsKey(ContextKeys.LAST_RESPONSE)) {
      result = result.withContextUpdate(ContextKeys.LAST_RESPONSE, ContextKeys.lastResponse(text));
    }
    return result;
  }
}
