package dev.darkfactory.cli.agent;

import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.cli.render.Json;
import java.io.PrintWriter;
import java.math.RoundingMode;
import tools.jackson.databind.node.ObjectNode;

/** The closing line of {@code factory agent}: how it ended, turns, tokens and cost. */
record ResultSummary(SubmitResult result, ProviderProfile profile) {

  void print(PrintWriter out, boolean json) {
    if (json) {
      ObjectNode line = Json.mapper().createObjectNode();
      line.put("type", "result");
      line.put("stop_reason", result.stopReason().wireName());
      line.put("state", result.state().wireName());
      line.put("output", result.output());
      line.put("turns", result.turns());
      line.put("tool_rounds", result.toolRounds());
      line.putObject("usage").put("input_tokens", result.usage().inputTokens())
          .put("output_tokens", result.usage().outputTokens()).put("total_tokens", result.usage().totalTokens());
      result.cost().ifPresent(cost -> line.put("cost_usd", cost.total()));
      result.error().ifPresent(error -> line.put("error", error.getMessage()));
      out.println(Json.mapper().writeValueAsString(line));
    } else {
      out.println();
      out.println("— " + result.stopReason().wireName().replace('_', ' ') + " · " + profile.id() + " " + profile.model()
          + " · " + result.turns() + " turn" + (result.turns() == 1 ? "" : "s") + ", " + result.toolRounds()
          + " tool round" + (result.toolRounds() == 1 ? "" : "s") + " · tokens: " + result.usage().inputTokens()
          + " in, " + result.usage().outputTokens() + " out"
          + result.cost().map(cost -> " · cost: $" + cost.total().setScale(6, RoundingMode.HALF_UP).toPlainString()).orElse(""));
    }
    out.flush();
  }
}
