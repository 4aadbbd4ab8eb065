package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;

/**
 * Writes a graph back as DOT in a canonical form: one statement per line, every string value
 * quoted and escaped. The output parses back to an equal graph and is also valid Graphviz input
 * (Graphviz rejects unquoted durations and dotted keys, which the pipeline subset allows).
 */
public final class DotWriter {
  /** Who reads the output. */
  public enum Style {
    /** The pipeline subset: parses back to an equal graph. */
    PIPELINE,
    /** Graphviz: dotted keys quoted, which the pipeline subset does not allow. */
    GRAPHVIZ
  }

  private final Style style;

  private DotWriter(Style style) {
    this.style = style;
  }

  /** Canonical pipeline DOT. */
  public static String write(Graph graph) {
    return write(graph, Style.PIPELINE);
  }

  public static String write(Graph graph, Style style) {
    return new DotWriter(style).render(graph);
  }

  private String render(Graph graph) {
    StringBuilder out = new StringBuilder(64 + 64 * graph.nodes().size() + 48 * graph.edges().size());
    out.append("digraph ").append(graph.name()).append(" {\n");
    if (!graph.attributes().isEmpty()) {
      out.append("  graph ");
      block(out, graph.attributes());
      out.append('\n');
    }
    for (Node node : graph.nodes()) {
      out.append("  ").append(node.id());
      if (!node.attributes().isEmpty()) {
        out.append(' ');
        block(out, node.attributes());
      }
      out.append('\n');
    }
    for (Edge edge : graph.edges()) {
      out.append("  ").append(edge.from()).append(" -> ").append(edge.to());
      if (!edge.attributes().isEmpty()) {
        out.append(' ');
        block(out, edge.attributes());
      }
      out.append('\n');
    }
    return out.append("}\n").toString();
  }

  private void block(StringBuilder out, Attributes attributes) {
    out.append('[');
    boolean first = true;
    for (Attribute attribute : attributes.all()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(quoteKey(attribute.key())).append('=');
      value(out, attribute.value());
    }
    out.append(']');
  }

  /** Dotted keys are quoted for Graphviz; the pipeline parser reads them unquoted. */
  private String quoteKey(String key) {
    if (style == Style.GRAPHVIZ && key.indexOf('.') >= 0) {
      StringBuilder quoted = new StringBuilder();
      quote(quoted, key);
      return quoted.toString();
    }
    return key;
  }

  private static void value(StringBuilder out, AttributeValue value) {
    switch (value) {
      case AttributeValue.StringValue s -> quote(out, s.value());
      case AttributeValue.IntegerValue i -> out.append(i.source());
      case AttributeValue.FloatValue f -> out.append(f.source());
      case AttributeValue.BooleanValue b -> out.append(b.value());
      case AttributeValue.DurationValue d -> quote(out, d.source());
    }
  }

  static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    out.append('"');
  }
}
