package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.dot.DotWriter;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a graph's content, so a checkpoint is only resumed against the graph it was written
 * for (peer lessons, spec trap 11). SHA-256 of the canonical DOT ({@link DotWriter}) of the graph
 * the engine runs, plus the classes derived from subgraphs: comments, formatting and attribute
 * quoting do not change it; any node, edge or attribute does.
 */
public final class GraphFingerprint {
  private GraphFingerprint() {}

  public static String of(Graph graph) {
    StringBuilder canonical = new StringBuilder(DotWriter.write(graph));
    for (Node node : graph.nodes()) {
      if (!node.derivedClasses().isEmpty()) {
        canonical.append("// ").append(node.id()).append(' ').append(node.derivedClasses()).append('\n');
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
