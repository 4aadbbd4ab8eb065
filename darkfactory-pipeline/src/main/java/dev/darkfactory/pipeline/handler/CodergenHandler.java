package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.CodergenRequest;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * An LLM stage (attractor-spec.md 4.5): writes {@code prompt.md}, calls the backend, writes {@code
 * response.md}, and returns the outcome.
 *
 * <p>A backend that returns an outcome decides the stage. A backend that returns text succeeds,
 * unless the agent wrote a {@code status.json} into the stage directory during the call, which then
 * is the outcome (Appendix C: external agents report through that file). With {@code
 * auto_status=true} a text response without a status file gets Appendix C's note.
 */
public final class CodergenHandler implements Handler {
  private final CodergenBackend backend;

  public CodergenHandler(CodergenBackend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  @Override
  public Outcome execute(Stage stage) throws Exception {
    Node node = stage.node();
    String prompt = Prompts.of(node, stage.graph());
    Path statusFile = stage.stageDir().resolve(StatusFile.FILE_NAME);
    Files.writeString(stage.stageDir().resolve("prompt.md"), prompt, StandardCharsets.UTF_8);
    // A status file from an earlier visit must not be mistaken for one the agent writes now.
    stage.run().discardStatus(stage.stageDir());
    CodergenResult result = backend.run(new CodergenRequest(node, stage.graph(), prompt, stage.context(), stage.fidelity(),
        stage.stageDir(), stage.workdir(), stage.execution(), stage.attempt(), stage.cancellation(), stage.events()));
    return switch (result) {
      case CodergenResult.Decided decided -> decided.outcome();
      case CodergenResult.Response response -> fromResponse(node, response.text(), statusFile, stage);
    };
  }

  private static Outcome fromResponse(Node node, String text, Path statusFile, Stage stage) throws IOException {
    Files.writeString(stage.stageDir().resolve("response.md"), text, StandardCharsets.UTF_8);
    Outcome outcome;
    if (Files.exists(statusFile)) {
      outcome = StatusFile.fromJson(JsonValues.parse(Files.readString(statusFile, StandardCharsets.UTF_8)), statusFile.toString());
    } else if (node.autoStatus()) {
      outcome = Outcome.success("auto-status: handler completed without writing status");
    } else {
      outcome = Outcome.success("Stage completed: " + node.id());
    }
    if (!outcome.contextUpdates().containsKey(ContextKeys.LAST_STAGE)) {
      outcome = outcome.withContextUpdate(ContextKeys.LAST_STAGE, node.id());
    }
    if (!outcome.contextUpdates().containsKey(ContextKeys.LAST_RESPONSE)) {
      outcome = outcome.withContextUpdate(ContextKeys.LAST_RESPONSE, ContextKeys.lastResponse(text));
    }
    return outcome;
  }

  @Override
  public Set<HandlerCapability> capabilities(Node node) {
    return Set.of(HandlerCapability.CALLS_BACKEND);
  }
}
