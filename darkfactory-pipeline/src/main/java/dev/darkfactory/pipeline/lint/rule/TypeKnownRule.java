package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.graph.Spelling;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code type_known} (WARNING, attractor-spec.md 7.2): an explicit node {@code type} names a
 * registered handler. An unregistered type is ignored by handler resolution (4.2), so the node
 * silently runs as its shape's handler; the warning says which.
 */
public final class TypeKnownRule implements LintRule {
  public static final String NAME = "type_known";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      String type = node.type();
      if (type.isEmpty() || context.isRegistered(type)) {
        continue;
      }
      Optional<String> suggestion = Spelling.closest(type, context.handlerTypes());
      diagnostics.add(Diagnostic.warning(NAME, "node " + node.id() + " has type '" + type + "', which no handler is"
              + " registered for" + Names.didYouMean(suggestion) + "; it would run as '" + context.handlerType(node) + "'")
          .node(node.id())
          .fix(suggestion.map(s -> "write type=\"" + s + "\"").orElse("use a registered type ("
              + Names.list(context.handlerTypes().stream().sorted().toList()) + ") or register a handler for '" + type + "'"))
          .at(Where.attribute(node.attributes(), "type", node.position()))
          .build());
    }
    return diagnostics;
  }
}
