package dev.darkfactory.pipeline.stylesheet;

import dev.darkfactory.pipeline.graph.Node;
import java.util.Objects;

/** Which nodes a stylesheet rule applies to (attractor-spec.md 8.3). */
public sealed interface Selector {

  /** 0 for {@code *}, 1 for a shape, 2 for a class, 3 for an ID: higher wins. */
  int specificity();

  boolean matches(Node node);

  /** The selector as written in a stylesheet. */
  String text();

  /** {@code *}: every node. */
  record Universal() implements Selector {
    @Override
    public int specificity() {
      return 0;
    }

    @Override
    public boolean matches(Node node) {
      return true;
    }

    @Override
    public String text() {
      return "*";
    }
  }

  /** A shape name such as {@code box}: nodes with that shape ({@code box} when none is set). */
  record ShapeName(String shape) implements Selector {
    public ShapeName {
      Objects.requireNonNull(shape, "shape");
    }

    @Override
    public int specificity() {
      return 1;
    }

    @Override
    public boolean matches(Node node) {
      return node.shape().equals(shape);
    }

    @Override
    public String text() {
      return shape;
    }
  }

  /** {@code .name}: nodes with that class, explicit or derived from a subgraph label (2.10, 2.12). */
  record ClassName(String name) implements Selector {
    public ClassName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public int specificity() {
      return 2;
    }

    @Override
    public boolean matches(Node node) {
      return node.classes().contains(name);
    }

    @Override
    public String text() {
      return "." + name;
    }
  }

  /** {@code #id}: the node with that ID. */
  record NodeId(String id) implements Selector {
    public NodeId {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public int specificity() {
      return 3;
    }

    @Override
    public boolean matches(Node node) {
      return node.id().equals(id);
    }

    @Override
    public String text() {
      return "#" + id;
    }
  }
}
