package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition between two nodes (attractor-spec.md 2.7), with typed reads of its attributes.
 *
 * @param position where the edge statement's target was written
 */
public record Edge(String from, String to, Attributes attributes, SourcePosition position) {

  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(position, "position");
  }

  public static Edge of(String from, String to) {
    return new Edge(from, to, Attributes.empty(), SourcePosition.UNKNOWN);
  }

  public static Edge of(String from, String to, Attributes attributes) {
    return new Edge(from, to, attributes, SourcePosition.UNKNOWN);
  }

  public Edge withAttributes(Attributes replacement) {
    return new Edge(from, to, replacement, position);
  }

  public String label() {
    return attributes.text("label", "");
  }

  /** The guard expression, or an empty string for an unconditional edge. */
  public String condition() {
    return attributes.text("condition", "").strip();
  }

  public boolean hasCondition() {
    return !condition().isEmpty();
  }

  public long weight() {
    return attributes.integer("weight").orElse(0);
  }

  public Optional<String> fidelity() {
    return attributes.nonEmptyText("fidelity");
  }

  public Optional<String> threadId() {
    return attributes.nonEmptyText("thread_id");
  }

  public boolean loopRestart() {
    return attributes.bool("loop_restart", false);
  }

  /** {@code from -> to}, for messages. */
  public String describe() {
    return from + " -> " + to;
  }
}
