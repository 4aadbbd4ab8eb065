package dev.darkfactory.pipeline.problem;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of validation (attractor-spec.md 7.1): the rule that produced it, its severity, a
 * message, the node or edge it concerns, a suggested fix, and where in the source it points.
 */
public record Diagnostic(
    String rule,
    Severity severity,
    String message,
    Optional<String> nodeId,
    Optional<EdgeRef> edge,
    Optional<String> fix,
    SourcePosition position) {

  public Diagnostic {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(position, "position");
  }

  /** The edge a diagnostic concerns, as (from, to). */
  public record EdgeRef(String from, String to) {
    public EdgeRef {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String toString() {
      return from + " -> " + to;
    }
  }

  public static Builder error(String rule, String message) {
    return new Builder(rule, Severity.ERROR, message);
  }

  public static Builder warning(String rule, String message) {
    return new Builder(rule, Severity.WARNING, message);
  }

  public static Builder info(String rule, String message) {
    return new Builder(rule, Severity.INFO, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: severity[rule]: message}, without the fix. */
  @Override
  public String toString() {
    String where = position.isKnown() ? position + ": " : "";
    return where + severity.label() + "[" + rule + "]: " + message;
  }

  /** Builds a diagnostic step by step, since most of its parts are optional. */
  public static final class Builder {
    private final String rule;
    private final Severity severity;
    private final String message;
    private String nodeId;
    private EdgeRef edge;
    private String fix;
    private SourcePosition position = SourcePosition.UNKNOWN;

    private Builder(String rule, Severity severity, String message) {
      this.rule = rule;
      this.severity = severity;
      this.message = message;
    }

    public Builder node(String id) {
      this.nodeId = id;
      return this;
    }

    public Builder edge(String from, String to) {
      this.edge = new EdgeRef(from, to);
      return this;
    }

    public Builder fix(String suggestion) {
      this.fix = suggestion;
      return this;
    }

    public Builder at(SourcePosition where) {
      this.position = Objects.requireNonNull(where, "where");
      return this;
    }

    public Diagnostic build() {
      return new Diagnostic(
          rule, severity, message, Optional.ofNullable(nodeId), Optional.ofNullable(edge), Optional.ofNullable(fix), position);
    }
  }
}
