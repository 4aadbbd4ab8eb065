package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.pipeline.backend.CodergenRequest;
import dev.darkfactory.pipeline.graph.Node;
import java.util.Optional;

/**
 * What the agent is sent for a stage: the preamble (fresh sessions), a header naming the stage
 * ({@code # Stage <node id>} on a line of its own, then its label and directory), and the expanded
 * prompt. On a continued session there is no preamble: the
 * conversation already holds the thread's earlier stages.
 */
final class StageInput {
  private StageInput() {}

  static String compose(CodergenRequest request, Optional<String> preamble) {
    StringBuilder input = new StringBuilder();
    preamble.ifPresent(text -> input.append(text.strip()).append("\n\n"));
    Node node = request.node();
    input.append("# Stage ").append(node.id()).append('\n');
    if (!node.label().equals(node.id())) {
      input.append("Label: ").append(node.label()).append('\n');
    }
    input.append("Stage directory: ").append(request.stageDir()).append('\n');
    if (request.attempt() > 1) {
      input.append("This is attempt ").append(request.attempt()).append(" of this stage.\n");
    }
    input.append('\n').append(request.prompt().strip()).append('\n');
    return input.toString();
  }
}
