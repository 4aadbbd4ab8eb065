package dev.darkfactory.server.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /pipelines}.
 *
 * @param dot the pipeline source
 * @param backend {@code agent} (the default when a provider is configured), {@code simulation} or {@code scripted}
 *     ({@code simulate} is accepted for {@code simulation}, as on the command line)
 * @param script for {@code scripted}: the script object ({@code {"nodes": {...}}})
 * @param goal overrides the graph's {@code goal}
 * @param context initial context values (strings), validated by key pattern; {@code variables} is its deprecated name
 * @param budgets limits passed to the engine
 * @param startedBy who started the run, for the runs board ({@code web}, a user or bot name)
 * @param passEnv {@code pass_env}: names of the server's environment variables the run's commands
 *     get besides the allow-list (tool nodes, agent commands, tool hooks), like {@code --pass-env}
 */
public record SubmitRequest(
    String dot,
    Optional<String> backend,
    Optional<JsonNode> script,
    Optional<String> goal,
    @JsonAlias("variables") Map<String, String> context,
    Optional<BudgetsDto> budgets,
    Optional<String> startedBy,
    List<String> passEnv) {

  public SubmitRequest {
    backend = backend == null ? Optional.empty() : backend;
    // Jackson hands an absent JsonNode over as a null or missing node inside the Optional.
    script = script == null ? Optional.empty() : script.filter(node -> !node.isNull() && !node.isMissingNode());
    goal = goal == null ? Optional.empty() : goal;
    context = context == null ? Map.of() : Map.copyOf(context);
    budgets = budgets == null ? Optional.empty() : budgets;
    startedBy = startedBy == null ? Optional.empty() : startedBy;
    passEnv = passEnv == null ? List.of() : List.copyOf(passEnv);
  }
}
