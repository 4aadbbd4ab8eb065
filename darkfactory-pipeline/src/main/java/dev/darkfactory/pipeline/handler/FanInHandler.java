package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.CodergenRequest;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.ParallelResults.Candidate;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consolidates the branches of the preceding parallel node (attractor-spec.md 4.9). With a {@code
 * prompt}, the backend ranks the candidates: its outcome may name the winner (a suggested next ID,
 * the preferred label, or {@code parallel.fan_in.best_id}), or its text may mention it; the first
 * candidate ID in the text wins. Without a prompt, or when the backend names no candidate, a
 * heuristic picks: best status (SUCCESS, PARTIAL_SUCCESS, RETRY, FAIL, SKIPPED), then highest
 * {@code score}, then branch ID.
 *
 * <p>The outcome records {@code parallel.fan_in.best_id} and {@code best_outcome}, and applies the
 * winner's context changes under their own keys, so the run continues with the chosen branch's
 * state (every branch's changes also stay available as {@code parallel.branch.<id>.<key>}). When
 * every candidate failed, the fan-in fails.
 */
public final class FanInHandler implements Handler {
  private static final Comparator<Candidate> HEURISTIC = Comparator
      .comparingInt((Candidate c) -> rank(c.status()))
      .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
      .thenComparing(Candidate::branch);

  private final CodergenBackend backend;

  public FanInHandler(CodergenBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public Outcome execute(Stage stage) throws Exception {
    List<Candidate> candidates = ParallelResults.read(stage.context().get(ContextKeys.PARALLEL_RESULTS).orElse(null));
    if (candidates.isEmpty()) {
      return Outcome.fail("No parallel results to evaluate");
    }
    if (candidates.stream().noneMatch(c -> c.status().isSuccess())) {
      return Outcome.fail("all " + candidates.size() + " parallel candidates failed or were cancelled");
    }
    Node node = stage.node();
    String how = "heuristic";
    Optional<Candidate> best = Optional.empty();
    if (!node.prompt().isEmpty()) {
      Ranking ranking = rankWithBackend(stage, candidates);
      if (ranking.verdict().isPresent()) {
        return ranking.verdict().get();
      }
      best = ranking.best();
      how = best.isPresent() ? "LLM ranking" : "heuristic (the ranking named no candidate)";
    }
    Candidate winner = best.orElseGet(() -> candidates.stream().min(HEURISTIC).orElseThrow());
    return Outcome.success("Selected best candidate: " + winner.branch() + " (" + how + ")")
        .withContextUpdates(winner.contextUpdates())
        .withContextUpdate(ContextKeys.FAN_IN_BEST_ID, winner.branch())
        .withContextUpdate(ContextKeys.FAN_IN_BEST_OUTCOME, winner.status().wire());
  }

  /** The backend's choice, or its own failing verdict. */
  private record Ranking(Optional<Candidate> best, Optional<Outcome> verdict) {}

  private Ranking rankWithBackend(Stage stage, List<Candidate> candidates) throws Exception {
    String prompt = Prompts.of(stage.node(), stage.graph()) + "\n\n" + describe(candidates)
        + "\nReply with the branch ID of the best candidate.\n";
    Files.writeString(stage.stageDir().resolve("prompt.md"), prompt, StandardCharsets.UTF_8);
    CodergenResult result = backend.run(new CodergenRequest(stage.node(), stage.graph(), prompt, stage.context(), stage.fidelity(),
        stage.stageDir(), stage.workdir(), stage.execution(), stage.attempt(), stage.cancellation(), stage.events()));
    return switch (result) {
      case CodergenResult.Decided decided -> decided.outcome().status().isSuccess()
          ? new Ranking(named(decided.outcome(), candidates), Optional.empty())
          : new Ranking(Optional.empty(), Optional.of(decided.outcome()));
      case CodergenResult.Response response -> {
        Files.writeString(stage.stageDir().resolve("response.md"), response.text(), StandardCharsets.UTF_8);
        yield new Ranking(firstMentioned(response.text(), candidates), Optional.empty());
      }
    };
  }

  private static String describe(List<Candidate> candidates) {
    StringBuilder text = new StringBuilder("Candidates:\n");
    for (Candidate c : candidates) {
      text.append("- ").append(c.branch()).append(": outcome=").append(c.status().wire());
      if (!c.notes().isEmpty()) {
        text.append("; notes: ").append(c.notes());
      }
      if (!c.failureReason().isEmpty()) {
        text.append("; failure: ").append(c.failureReason());
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static Optional<Candidate> named(Outcome outcome, List<Candidate> candidates) {
    Object bestId = outcome.contextUpdates().get(ContextKeys.FAN_IN_BEST_ID);
    for (Candidate c : candidates) {
      if (c.branch().equals(bestId) || outcome.suggestedNextIds().contains(c.branch()) || c.branch().equals(outcome.preferredLabel())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<Candidate> firstMentioned(String text, List<Candidate> candidates) {
    Candidate first = null;
    int firstAt = Integer.MAX_VALUE;
    for (Candidate c : candidates) {
      Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(c.branch()) + "(?![A-Za-z0-9_])").matcher(text);
      if (m.find() && m.start() < firstAt) {
        first = c;
        firstAt = m.start();
      }
    }
    return Optional.ofNullable(first);
  }

  private static int rank(StageStatus status) {
    return switch (status) {
      case SUCCESS -> 0;
      case PARTIAL_SUCCESS -> 1;
      case RETRY -> 2;
      case FAIL -> 3;
      case SKIPPED -> 4;
    };
  }

  @Override
  public Set<HandlerCapability> capabilities(Node node) {
    Set<HandlerCapability> capabilities = EnumSet.of(HandlerCapability.JOINS_BRANCHES);
    if (!node.prompt().isEmpty()) {
      capabilities.add(HandlerCapability.CALLS_BACKEND);
    }
    return capabilities;
  }
}
