package dev.darkfactory.pipeline.render;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.dot.DotWriter;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.RenderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Draws a pipeline with Graphviz's {@code dot}: the spec's shapes (2.8), a consistent font and a
 * fill colour per handler type, or per node when the caller passes one (the server colours nodes
 * by run status).
 */
public final class GraphvizRenderer {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Map<String, String> TYPE_FILL = Map.of(
      HandlerTypes.START, "#d1fae5",
      HandlerTypes.EXIT, "#d1fae5",
      HandlerTypes.CODERGEN, "#e0e7ff",
      HandlerTypes.WAIT_HUMAN, "#fef3c7",
      HandlerTypes.CONDITIONAL, "#f3f4f6",
      HandlerTypes.PARALLEL, "#fce7f3",
      HandlerTypes.FAN_IN, "#fce7f3",
      HandlerTypes.TOOL, "#e0f2fe",
      HandlerTypes.MANAGER_LOOP, "#ede9fe");

  /** Output formats Graphviz is asked for. */
  public enum Format {
    SVG("svg"),
    PNG("png");

    private final String flag;

    Format(String flag) {
      this.flag = flag;
    }
  }

  private final Path dot;

  private GraphvizRenderer(Path dot) {
    this.dot = dot;
  }

  /** The renderer for the {@code dot} found on {@code PATH}, if Graphviz is installed. */
  public static Optional<GraphvizRenderer> find() {
    return find(System.getenv("PATH"));
  }

  /** The renderer for the {@code dot} in one of the directories of {@code path} (a {@code PATH} value, may be null). */
  public static Optional<GraphvizRenderer> find(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "dot");
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(new GraphvizRenderer(candidate));
      }
    }
    return Optional.empty();
  }

  /** What to tell a user who has no Graphviz. */
  public static String installHint() {
    return "Graphviz's 'dot' command was not found on PATH. Install Graphviz"
        + " (Debian/Ubuntu: sudo apt-get install graphviz; Fedora: sudo dnf install graphviz;"
        + " macOS: brew install graphviz), or write DOT instead with -o FILE.dot.";
  }

  /** Renders with the default colour per handler type. */
  public byte[] render(Graph graph, Format format) {
    return render(graph, format, Map.of());
  }

  /**
   * Renders, filling each node in {@code fills} (node id to colour) with its colour and the rest by
   * handler type.
   */
  public byte[] render(Graph graph, Format format, Map<String, String> fills) {
    String source = DotWriter.write(styled(graph, fills), DotWriter.Style.GRAPHVIZ);
    List<String> command = new ArrayList<>(List.of(dot.toString(), "-T" + format.flag));
    try {
      Process process = EnvironmentPolicy.defaults().applyTo(new ProcessBuilder(command), java.util.Map.of()).start();
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (OutputStream in = process.getOutputStream()) {
        in.write(source.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RenderException("Graphviz did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        throw new RenderException("Graphviz failed (exit " + process.exitValue() + "): "
            + new String(stderr.join(), StandardCharsets.UTF_8).strip());
      }
      return stdout.join();
    } catch (IOException e) {
      throw new RenderException("could not run " + dot + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while rendering");
    }
  }

  /** The graph with presentation defaults: font, filled shapes, labels that say what each node does. */
  static Graph styled(Graph graph, Map<String, String> fills) {
    Attributes graphAttributes = graph.attributes();
    graphAttributes = withDefault(graphAttributes, "fontname", "Helvetica");
    graphAttributes = withDefault(graphAttributes, "bgcolor", "white");
    graphAttributes = withDefault(graphAttributes, "pad", "0.3");
    List<Node> nodes = new ArrayList<>();
    for (Node node : graph.nodes()) {
      Attributes attributes = node.attributes();
      attributes = withDefault(attributes, "shape", node.shape());
      attributes = withDefault(attributes, "label", node.label());
      attributes = withDefault(attributes, "style", "filled");
      attributes = withDefault(attributes, "fontname", "Helvetica");
      attributes = withDefault(attributes, "fontsize", "12");
      attributes = withDefault(attributes, "color", "#4b5563");
      String fill = fills.getOrDefault(node.id(), TYPE_FILL.getOrDefault(HandlerTypes.resolve(node), "#ffffff"));
      attributes = fills.containsKey(node.id())
          ? attributes.with(Attribute.of("fillcolor", fill))
          : withDefault(attributes, "fillcolor", fill);
      nodes.add(node.withAttributes(attributes));
    }
    return graph.withAttributes(graphAttributes).withNodes(nodes);
  }

  private static Attributes withDefault(Attributes attributes, String key, String value) {
    return attributes.has(key) ? attributes : attributes.with(Attribute.of(key, value));
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
