package dev.darkfactory.server.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.render.GraphvizRenderer;
import dev.darkfactory.server.ServerException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Graphviz's own SVG of a graph full of script links, checked after rendering without the pre-render scrub. */
class SvgSanitizerTest {
  static final String ATTACK = """
      digraph Attack {
        URL="javascript:alert('graph')"
        a [URL="java&#9;script:alert(1)", label="tab"]
        b [URL="javascript:alert(2)"]
        c [URL="\\L", label="javascript:alert(3)"]
        d [href="JaVaScRiPt:alert(4)"]
        e [URL="&#x6A;avascript:alert(5)", tooltip="hex"]
        f [URL="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg=="]
        g [URL="vbscript:msgbox(7)"]
        h [URL="https://example.com/ok"]
        i [URL="/pipelines"]
        a -> b [URL="javascript:alert('edge')", labelURL="javascript:alert('label')", headURL="javascript:alert('head')", label="x"]
      }
      """;

  /** Every href or xlink:href in the SVG, as the XML parser decodes it. */
  static final Pattern HREF = Pattern.compile("(?:xlink:)?href=\"([^\"]*)\"");
  static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

  static Graph attack() {
    return DotParser.parse("attack.dot", ATTACK);
  }

  @Test
  void graphvizOutputLosesEveryScriptLinkAndKeepsTheSafeOnes() {
    GraphvizRenderer graphviz = GraphvizRenderer.find().orElseThrow(() -> new AssertionError("Graphviz is installed where the tests run"));
    byte[] raw = graphviz.render(attack(), GraphvizRenderer.Format.SVG);
    assertThat(new String(raw, StandardCharsets.UTF_8)).as("the attack reaches Graphviz's output").contains("javascript:alert(2)");
    String svg = new String(SvgSanitizer.sanitize(raw), StandardCharsets.UTF_8);
    assertNoScriptLinks(svg);
    assertThat(svg).contains("https://example.com/ok").contains("\"/pipelines\"").contains("<title>a</title>");
  }

  /** No attribute holds a script link, however it is spelt (labels and titles are text and may say what they like). */
  static void assertNoScriptLinks(String svg) {
    var hrefs = HREF.matcher(svg).results().map(m -> m.group(1)).toList();
    assertThat(hrefs).allSatisfy(href -> assertThat(SafeLinks.isSafe(href)).as(href).isTrue());
    var values = ATTRIBUTE.matcher(svg).results().filter(m -> !m.group(1).equals("xlink:title"))
        .map(m -> m.group(2).toLowerCase(java.util.Locale.ROOT).replaceAll("&#0*9;|&#x0*9;|\\s", ""));
    assertThat(values).allSatisfy(value -> assertThat(value).doesNotContain("javascript:").doesNotContain("vbscript:").doesNotStartWith("data:")
        .doesNotContain("&#x6a;avascript").doesNotContain("alert("));
  }

  @Test
  void scriptsHandlersAnimationsAndStylesheetsAreRemoved() {
    String svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-stylesheet href="https://evil.example/x.css" type="text/css"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
          <script>alert(2)</script>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
          <a xlink:href="javascript:alert(3)" href="data:text/html,x"><text onclick="alert(4)" ONMOUSEOVER="alert(5)">t</text>
            <set attributeName="href" to="javascript:alert(6)"/><animate attributeName="href" values="javascript:alert(7)"/></a>
          <a href="https://example.com/">ok</a>
          <image xlink:href="/favicon.svg"/>
        </svg>
        """;
    String clean = new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    assertThat(clean.toLowerCase(java.util.Locale.ROOT)).doesNotContain("alert").doesNotContain("onload").doesNotContain("onclick")
        .doesNotContain("script").doesNotContain("foreignobject").doesNotContain("xml-stylesheet").doesNotContain("data:");
    assertThat(clean).contains("href=\"https://example.com/\"").contains("xlink:href=\"/favicon.svg\"").contains(">ok<");
  }

  @Test
  void graphvizOutputThatIsNotWellFormedIsNotServed() {
    GraphvizRenderer graphviz = GraphvizRenderer.find().orElseThrow(() -> new AssertionError("Graphviz is installed where the tests run"));
    // Graphviz copies URL and fontname values into the SVG without escaping them.
    Graph broken = DotParser.parse("broken.dot", "digraph B { a [URL=\"https://x/?q=<b>\", fontname=\"x\\\"/><script>alert(1)</script><g a=\\\"\"] }");
    byte[] raw = graphviz.render(broken, GraphvizRenderer.Format.SVG);
    assertThatThrownBy(() -> SvgSanitizer.sanitize(raw)).isInstanceOf(ServerException.Unavailable.class);
    String scrubbed = new String(SvgSanitizer.sanitize(graphviz.render(DisplayGraph.scrub(broken), GraphvizRenderer.Format.SVG)),
        StandardCharsets.UTF_8);
    assertThat(scrubbed).contains("xlink:href=\"https://x/?q=%3Cb%3E\"").doesNotContain("script");
  }

  @Test
  void anUndefinedEntityInALinkIsNeutralisedNotServedBroken() {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        + "<a xlink:href=\"java&Tab;script:alert(1)\"><text>&copy;</text></a></svg>";
    String clean = new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    assertThat(clean).doesNotContain("href").doesNotContain("script:");
  }

  @Test
  void aDocumentTypeWithEntitiesOrSomethingElseThanSvgIsNotServed() {
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>";
    assertThatThrownBy(() -> SvgSanitizer.sanitize(laughs.getBytes(StandardCharsets.UTF_8))).isInstanceOf(ServerException.Unavailable.class);
    assertThatThrownBy(() -> SvgSanitizer.sanitize("<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ServerException.Unavailable.class);
    assertThatThrownBy(() -> SvgSanitizer.sanitize("not xml".getBytes(StandardCharsets.UTF_8))).isInstanceOf(ServerException.Unavailable.class);
  }

  @Test
  void theScrubbedGraphGivesGraphvizNoScriptLinkAtAll() {
    GraphvizRenderer graphviz = GraphvizRenderer.find().orElseThrow(() -> new AssertionError("Graphviz is installed where the tests run"));
    String svg = new String(graphviz.render(DisplayGraph.scrub(attack()), GraphvizRenderer.Format.SVG), StandardCharsets.UTF_8);
    assertNoScriptLinks(svg);
    assertThat(svg).contains("https://example.com/ok");
  }
}
