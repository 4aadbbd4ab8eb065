package dev.darkfactory.server.svg;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph as the UI is shown it, before Graphviz (on the server) or {@code @viz-js/viz} (in the
 * browser) draws it: without the attributes that would become unsafe markup. The pipeline itself
 * is not changed.
 *
 * <ul>
 *   <li>Link attributes (Graphviz turns them into {@code <a xlink:href>}): kept only when {@link
 *       SafeLinks} allows them, and then written so that Graphviz, which copies them into the SVG
 *       without escaping, produces well-formed XML ({@code "}, {@code <}, {@code >}, {@code '} and
 *       spaces percent-encoded, a bare {@code &} as {@code &amp;}).
 *   <li>Attributes Graphviz also copies unescaped ({@code fontname} into {@code font-family},
 *       {@code class}, {@code target}): dropped when they hold a quote, an angle bracket, an
 *       ampersand or a control character, which could otherwise add attributes or elements.
 *   <li>Attributes that name files or resources on the server or the web ({@code image}, {@code
 *       imagepath}, {@code shapefile}, {@code fontpath}, {@code stylesheet}), and {@code id}, which
 *       Graphviz copies into the SVG as an element id that could shadow the UI's own: dropped.
 * </ul>
 */
public final class DisplayGraph {
  /** Graphviz's link attributes: on graphs, nodes and edges, and the edge's head, tail and label parts. */
  static final Set<String> LINKS = Set.of("URL", "href", "headURL", "headhref", "tailURL", "tailhref", "labelURL", "labelhref", "edgeURL", "edgehref");
  static final Set<String> UNESCAPED = Set.of("fontname", "labelfontname", "fontnames", "class", "target");
  static final Set<String> DROPPED = Set.of("id", "image", "imagepath", "shapefile", "fontpath", "stylesheet");
  private static final Pattern REFERENCE = Pattern.compile("&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|amp;|lt;|gt;|quot;|apos;)");

  private DisplayGraph() {}

  public static Graph scrub(Graph graph) {
    List<Node> nodes = graph.nodes().stream().map(node -> node.withAttributes(scrub(node.attributes()))).toList();
    List<Edge> edges = graph.edges().stream().map(edge -> edge.withAttributes(scrub(edge.attributes()))).toList();
    return graph.withAttributes(scrub(graph.attributes())).withNodes(nodes).withEdges(edges);
  }

  static Attributes scrub(Attributes attributes) {
    Attributes result = attributes;
    for (Attribute attribute : attributes.all()) {
      String key = attribute.key();
      String value = attribute.value().text();
      if (DROPPED.contains(key) || (UNESCAPED.contains(key) && !isPlain(value)) || (LINKS.contains(key) && !SafeLinks.isSafe(value))) {
        result = result.without(key);
      } else if (LINKS.contains(key)) {
        result = result.with(Attribute.of(key, forMarkup(value)));
      }
    }
    return result;
  }

  private static boolean isPlain(String value) {
    return value.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '&');
  }

  /** A safe link that stays the same link once Graphviz has copied it into an XML attribute and a browser has parsed it. */
  static String forMarkup(String link) {
    StringBuilder out = new StringBuilder(link.length() + 16);
    for (int i = 0; i < link.length(); i++) {
      char c = link.charAt(i);
      switch (c) {
        case '"' -> out.append("%22");
        case '\'' -> out.append("%27");
        case '<' -> out.append("%3C");
        case '>' -> out.append("%3E");
        case ' ' -> out.append("%20");
        case '&' -> out.append(startsReference(link, i) ? "&" : "&amp;");
        default -> {
          if (c >= 0x20 && c != 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean startsReference(String text, int at) {
    return REFERENCE.matcher(text).region(at, text.length()).lookingAt();
  }
}
