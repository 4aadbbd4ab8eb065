package dev.darkfactory.pipeline.report;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of validation results, shared by {@code factory validate --json} and the HTTP API:
 * {@code {"valid", "diagnostics":[{"rule", "severity", "message", "node_id"?, "edge"?, "fix"?, "line"?, "column"?}]}};
 * summarised ({@link #report(DiagnosticSummary)}), also {@code "total"}, {@code "shown"}, {@code
 * "omitted"}, {@code "counts"} (per rule), {@code "severities"}, and one entry with {@code
 * "omitted": N} per rule whose remainder was not listed.
 */
public final class DiagnosticJson {
  /** The rule name under which a syntax error is reported alongside lint diagnostics. */
  public static final String SYNTAX_RULE = "dot_syntax";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DiagnosticJson() {}

  public static ObjectNode report(List<Diagnostic> diagnostics) {
    ObjectNode root = JSON.objectNode();
    root.put("valid", diagnostics.stream().noneMatch(Diagnostic::isError));
    ArrayNode array = root.putArray("diagnostics");
    diagnostics.forEach(d -> array.add(of(d)));
    return root;
  }

  /** Every diagnostic the summary lists, its omitted lines, and the full counts. */
  public static ObjectNode report(DiagnosticSummary summary) {
    ObjectNode root = JSON.objectNode();
    root.put("valid", summary.valid());
    root.put("total", summary.total());
    root.put("shown", summary.shown().size());
    root.put("omitted", summary.omittedCount());
    ObjectNode counts = root.putObject("counts");
    summary.byRule().forEach(counts::put);
    ObjectNode severities = root.putObject("severities");
    for (Severity severity : Severity.values()) {
      severities.put(severity.label(), summary.count(severity));
    }
    ArrayNode array = root.putArray("diagnostics");
    summary.shown().forEach(d -> array.add(of(d)));
    summary.omitted().forEach(o -> array.add(of(o.asDiagnostic()).put("omitted", o.count())));
    return root;
  }

  /** A syntax error as a one-diagnostic report, so editors and scripts handle one shape. */
  public static ObjectNode report(DotSyntaxException error) {
    return report(List.of(asDiagnostic(error)));
  }

  public static Diagnostic asDiagnostic(DotSyntaxException error) {
    return Diagnostic.error(SYNTAX_RULE, error.problem()).at(error.position()).build();
  }

  public static ObjectNode of(Diagnostic diagnostic) {
    ObjectNode json = JSON.objectNode();
    json.put("rule", diagnostic.rule());
    json.put("severity", diagnostic.severity().label());
    json.put("message", diagnostic.message());
    diagnostic.nodeId().ifPresent(id -> json.put("node_id", id));
    diagnostic.edge().ifPresent(edge -> {
      ObjectNode e = json.putObject("edge");
      e.put("from", edge.from());
      e.put("to", edge.to());
    });
    diagnostic.fix().ifPresent(fix -> json.put("fix", fix));
    if (diagnostic.position().isKnown()) {
      json.put("line", diagnostic.position().line());
      json.put("column", diagnostic.position().column());
    }
    return json;
  }
}
