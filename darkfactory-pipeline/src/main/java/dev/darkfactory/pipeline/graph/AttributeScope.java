package dev.darkfactory.pipeline.graph;

/** Where an attribute is written: on the graph, a node or an edge. */
public enum AttributeScope {
  GRAPH("graph"),
  NODE("node"),
  EDGE("edge");

  private final String label;

  AttributeScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
