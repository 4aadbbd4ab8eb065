package dev.darkfactory.pipeline.transform;

import dev.darkfactory.pipeline.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ordered chain of transforms applied between parsing and validation (attractor-spec.md 9.1,
 * 9.3): the built-ins first, variable expansion then the stylesheet, then custom transforms in the
 * order they were registered. Immutable: {@link #with} returns a new chain.
 */
public final class Transforms implements Transform {
  private final List<Transform> custom;

  private Transforms(List<Transform> custom) {
    this.custom = List.copyOf(custom);
  }

  /** The built-in transforms only. */
  public static Transforms builtIn() {
    return new Transforms(List.of());
  }

  /** The built-ins followed by {@code custom}, in that order. */
  public static Transforms withCustom(List<? extends Transform> custom) {
    return new Transforms(List.copyOf(custom));
  }

  /** A chain with {@code transform} registered after the custom transforms already present. */
  public Transforms with(Transform transform) {
    Objects.requireNonNull(transform, "transform");
    List<Transform> more = new ArrayList<>(custom);
    more.add(transform);
    return new Transforms(more);
  }

  /** Every transform, in the order it runs. */
  public List<Transform> all() {
    List<Transform> all = new ArrayList<>(custom.size() + 2);
    all.add(new VariableExpansionTransform());
    all.add(new StylesheetTransform());
    all.addAll(custom);
    return List.copyOf(all);
  }

  /** The custom transforms, in registration order. */
  public List<Transform> custom() {
    return custom;
  }

  /** Runs every transform in order, each on the previous one's result. */
  @Override
  public Graph apply(Graph graph) {
    Graph result = graph;
    for (Transform transform : all()) {
      result = Objects.requireNonNull(transform.apply(result), () -> transform + " returned null");
    }
    return result;
  }
}
