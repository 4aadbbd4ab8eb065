package dev.darkfactory.server.api;

import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.dot.DotWriter;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.problem.RenderException;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.render.GraphvizRenderer;
import dev.darkfactory.pipeline.report.DiagnosticJson;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.dto.ValidateRequest;
import dev.darkfactory.server.dto.ValidationReport;
import dev.darkfactory.server.run.RunManager;
import dev.darkfactory.server.svg.DisplayGraph;
import dev.darkfactory.server.svg.SvgSanitizer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline graph, coloured by each node's current status ({@code GET /pipelines/{id}/graph}):
 * SVG drawn by Graphviz on the server, or, with {@code ?format=dot} or when Graphviz is missing, the
 * styled DOT for the browser to draw with the bundled {@code @viz-js/viz}; both without links the UI
 * must not follow ({@link DisplayGraph}, {@link SvgSanitizer}). And {@code POST
 * /validate}, which the DOT editor calls as the user types.
 */
final class GraphRoutes {
  private final RunManager runs;
  private final Optional<GraphvizRenderer> graphviz;
  private final long maxBytes;
  /** Recent SVGs by run and node statuses: many viewers of one run must not each start Graphviz. */
  private final Map<String, byte[]> svgCache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > 64;
    }
  });

  GraphRoutes(RunManager runs, Optional<GraphvizRenderer> graphviz, long maxBytes) {
    this.runs = runs;
    this.graphviz = graphviz;
    this.maxBytes = maxBytes;
  }

  void register(RoutesConfig routes) {
    routes.get("/pipelines/{id}/graph", this::graph);
    routes.post("/validate", this::validate);
  }

  private void graph(Context ctx) {
    String id = ctx.pathParam("id");
    // What the UI is shown carries no link it could be tricked into following (see DisplayGraph, SvgSanitizer).
    Graph graph = DisplayGraph.scrub(runs.graph(id));
    Map<String, String> fills = StatusColors.fills(runs.nodeStatus(id));
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("svg");
    switch (format) {
      case "dot" -> ctx.contentType("text/vnd.graphviz; charset=utf-8").result(styledDot(graph, fills));
      case "svg" -> {
        GraphvizRenderer renderer = graphviz.orElseThrow(() -> new ServerException.Unavailable(
            "Graphviz is not installed on the server; fetch ?format=dot and draw it in the browser"));
        try {
          String key = id + " " + fills;
          byte[] svg = svgCache.get(key);
          if (svg == null) {
            svg = SvgSanitizer.sanitize(renderer.render(graph, GraphvizRenderer.Format.SVG, withPending(graph, fills)));
            svgCache.put(key, svg);
          }
          ctx.contentType("image/svg+xml").result(svg);
        } catch (RenderException e) {
          throw new ServerException.Unavailable("Graphviz could not draw the graph: " + e.getMessage());
        }
      }
      default -> throw new ServerException.BadRequest("format must be svg or dot");
    }
  }

  private static Map<String, String> withPending(Graph graph, Map<String, String> fills) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    graph.nodes().forEach(node -> all.put(node.id(), fills.getOrDefault(node.id(), StatusColors.fill("pending"))));
    return all;
  }

  /** The same look as the server's SVG, as DOT: shapes, labels and status fills. */
  static String styledDot(Graph graph, Map<String, String> fills) {
    Map<String, String> all = withPending(graph, fills);
    List<Node> nodes = new ArrayList<>();
    for (Node node : graph.nodes()) {
      Attributes a = node.attributes()
          .with(Attribute.of("shape", node.shape()))
          .with(Attribute.of("label", node.label()))
          .with(Attribute.of("style", "filled"))
          .with(Attribute.of("fillcolor", all.get(node.id())))
          .with(Attribute.of("color", "#4b5563"))
          .with(Attribute.of("fontname", "Helvetica"))
          .with(Attribute.of("fontsize", "12"));
      nodes.add(node.withAttributes(a));
    }
    return DotWriter.write(graph.withNodes(nodes), DotWriter.Style.GRAPHVIZ);
  }

  private void validate(Context ctx) {
    ValidateRequest request = Bodies.read(ctx, ValidateRequest.class, maxBytes);
    if (request.dot() == null) {
      throw new ServerException.BadRequest("\"dot\" is required");
    }
    LoadedPipeline pipeline;
    try {
      pipeline = runs.load(request.dot());
    } catch (DotSyntaxException e) {
      ctx.json(report(DiagnosticSummary.of(List.of(DiagnosticJson.asDiagnostic(e))), "", 0, 0));
      return;
    } catch (PipelineException e) {
      throw new ServerException.BadRequest("the pipeline cannot be loaded: " + e.getMessage());
    }
    Graph graph = pipeline.graph();
    ctx.json(report(DiagnosticSummary.of(pipeline.diagnostics()), graph.name(), graph.nodes().size(), graph.edges().size()));
  }

  private static ValidationReport report(DiagnosticSummary summary, String name, int nodes, int edges) {
    Map<String, Integer> severities = new java.util.LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      severities.put(severity.label(), summary.count(severity));
    }
    return new ValidationReport(summary.valid(), name, nodes, edges, summary.total(), summary.shown().size(), summary.omittedCount(),
        summary.byRule(), severities, Diagnostics.of(summary));
  }
}
