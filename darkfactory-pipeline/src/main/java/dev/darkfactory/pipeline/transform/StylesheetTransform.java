package dev.darkfactory.pipeline.transform;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import dev.darkfactory.pipeline.problem.StylesheetSyntaxException;
import dev.darkfactory.pipeline.source.SourcePosition;
import dev.darkfactory.pipeline.source.StringPositions;
import dev.darkfactory.pipeline.stylesheet.Declaration;
import dev.darkfactory.pipeline.stylesheet.StyleProperty;
import dev.darkfactory.pipeline.stylesheet.Stylesheet;
import dev.darkfactory.pipeline.stylesheet.StylesheetParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the graph's {@code model_stylesheet}, then the graph-level {@code llm_model}, {@code
 * llm_provider} and {@code reasoning_effort} defaults, to every node (attractor-spec.md 8.5, 9.2).
 *
 * <p>A property is set only where the node does not already have it (an explicit attribute, or one
 * inherited from a {@code node [...]} block, wins; an empty value counts as unset). The attributes
 * it adds point into the stylesheet or at the graph attribute, so later diagnostics and the decision
 * audit can say where a model came from.
 *
 * <p>A stylesheet that does not parse leaves the graph unchanged, graph defaults included: the
 * {@code stylesheet_syntax} rule reports it as an error and the pipeline will not run, so a
 * half-applied configuration would only mislead.
 */
public final class StylesheetTransform implements Transform {

  @Override
  public Graph apply(Graph graph) {
    Stylesheet stylesheet;
    try {
      stylesheet = StylesheetParser.parse(graph.modelStylesheet());
    } catch (StylesheetSyntaxException invalid) {
      return graph;
    }
    Attribute source = graph.attributes().attribute("model_stylesheet").orElse(null);
    Map<Declaration, SourcePosition> positions = new HashMap<>();
    List<Node> nodes = new ArrayList<>(graph.nodes().size());
    boolean changed = false;
    for (Node node : graph.nodes()) {
      Attributes.Builder additions = null;
      Attributes attributes = node.attributes();
      for (Map.Entry<StyleProperty, Declaration> winner : stylesheet.resolve(node).entrySet()) {
        String key = winner.getKey().key();
        if (isUnset(attributes, key)) {
          Declaration declaration = winner.getValue();
          SourcePosition at = source == null ? SourcePosition.UNKNOWN
              : positions.computeIfAbsent(declaration, d -> locate(source, d.valueOffset()));
          additions = add(additions, attributes, new Attribute(key, new AttributeValue.StringValue(declaration.value()), at));
        }
      }
      // 8.5 step 3: graph-level defaults fill what neither the node nor the stylesheet set.
      for (StyleProperty property : StyleProperty.values()) {
        Attribute fallback = graph.attributes().attribute(property.key()).orElse(null);
        boolean styled = additions != null && additions.has(property.key());
        if (fallback != null && !fallback.value().text().isEmpty() && !styled && isUnset(attributes, property.key())) {
          additions = add(additions, attributes,
              new Attribute(property.key(), new AttributeValue.StringValue(fallback.value().text()), fallback.position()));
        }
      }
      changed |= additions != null;
      nodes.add(additions == null ? node : node.withAttributes(additions.build()));
    }
    return changed ? graph.withNodes(nodes) : graph;
  }

  /** Adds to the node's attributes, copying them once, on the first change. */
  private static Attributes.Builder add(Attributes.Builder additions, Attributes original, Attribute attribute) {
    Attributes.Builder builder = additions == null ? original.toBuilder() : additions;
    return builder.put(attribute);
  }

  private static boolean isUnset(Attributes attributes, String key) {
    return attributes.nonEmptyText(key).isEmpty();
  }

  private static SourcePosition locate(Attribute source, int offset) {
    String text = source.value().text();
    return StringPositions.locate(source.position(), !ValueSyntax.isBareValue(text), text, offset);
  }

  @Override
  public String toString() {
    return "StylesheetTransform";
  }
}
