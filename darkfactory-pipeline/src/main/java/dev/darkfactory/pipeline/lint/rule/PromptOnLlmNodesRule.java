package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code prompt_on_llm_nodes} (WARNING, attractor-spec.md 7.2): a node that runs as an LLM stage
 * ({@code codergen}, resolved the way the engine resolves handlers) has a {@code prompt} or an
 * explicit {@code label}. Without either, the model is sent the bare node ID (4.5).
 *
 * <p>Start and exit nodes found by ID ({@code start}, {@code exit}) are not LLM stages even when
 * their shape is the default box.
 */
public final class PromptOnLlmNodesRule implements LintRule {
  public static final String NAME = "prompt_on_llm_nodes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    Set<String> terminals = new HashSet<>();
    graph.startNodes().forEach(n -> terminals.add(n.id()));
    graph.exitNodes().forEach(n -> terminals.add(n.id()));
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (terminals.contains(node.id()) || !context.handlerType(node).equals(HandlerTypes.CODERGEN)) {
        continue;
      }
      if (node.prompt().isBlank() && node.attributes().nonEmptyText("label").isEmpty()) {
        diagnostics.add(Diagnostic.warning(NAME, "node " + node.id() + " runs as an LLM stage (codergen) but has no prompt"
                + " and no label: the model would be sent only '" + node.id() + "'")
            .node(node.id())
            .fix("add prompt=\"...\" to " + node.id() + ", or give it another shape if it is not an LLM stage")
            .at(node.position())
            .build());
      }
    }
    return diagnostics;
  }
}
