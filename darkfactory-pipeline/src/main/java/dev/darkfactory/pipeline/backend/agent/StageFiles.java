package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.backend.cost.Spend;
import dev.darkfactory.pipeline.backend.cost.SpendJson;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The files an agent stage leaves in its stage directory, besides the handler's. */
final class StageFiles {
  static final String PREAMBLE = "preamble.md";
  static final String INPUT = "input.md";
  static final String USAGE = "usage.json";
  static final String RESPONSE = "response.md";

  private StageFiles() {}

  static void writeInputs(Path stageDir, Optional<String> preamble, String input) {
    preamble.ifPresent(text -> write(stageDir.resolve(PREAMBLE), text));
    write(stageDir.resolve(INPUT), input);
  }

  static void writeUsage(Path stageDir, Spend spend, ModelChoice choice, String sessionId, boolean reusedSession) {
    ObjectNode json = SpendJson.of(spend).put("provider", choice.provider()).put("model", choice.model())
        .put("session_id", sessionId).put("reused_session", reusedSession);
    choice.reasoningEffort().ifPresent(effort -> json.put("reasoning_effort", effort));
    write(stageDir.resolve(USAGE), JsonValues.pretty(json) + "\n");
  }

  static void writeResponse(Path stageDir, String text) {
    write(stageDir.resolve(RESPONSE), text);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot write " + file + ": " + IoReasons.of(e), e);
    }
  }
}
