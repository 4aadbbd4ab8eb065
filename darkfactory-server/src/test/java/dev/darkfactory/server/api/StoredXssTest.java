package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.svg.SafeLinks;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline whose nodes and edges carry script links in every spelling that browsers accept: the
 * server's SVG and its styled DOT (which the browser renderer draws) keep none of them, and keep
 * the ordinary links.
 */
class StoredXssTest {
  static final Pattern LINK = Pattern.compile("(?i)(?:xlink:)?href=\"([^\"]*)\"|\\b(?:URL|href|headURL|headhref|tailURL|tailhref|labelURL|labelhref|edgeURL|edgehref)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir static Path dataDir;
  static TestServer server;
  static String id;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    id = server.submit(TestServer.pipeline("xss-links.dot"));
    server.awaitStatus(id, "success");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> links(String text) {
    return LINK.matcher(text).results().map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
  }

  static void assertHarmless(String text, String what) {
    assertThat(links(text)).as(what + " links").isNotEmpty().allSatisfy(link -> assertThat(SafeLinks.isSafe(link)).as(link).isTrue());
    String lower = text.toLowerCase(Locale.ROOT);
    assertThat(lower).as(what).doesNotContain("onload").doesNotContain("<script").doesNotContain("vbscript").doesNotContain("data:text")
        .doesNotContain("&#x6a;avascript").doesNotContain("java&#9;script").doesNotContain("java&tab;script").doesNotContain("id=\"questions\"");
    for (String payload : new String[] {"alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(7)", "alert(8)", "alert('graph')", "alert('edge')",
        "alert('label')"}) {
      assertThat(lower).as(what + " " + payload).doesNotContain(payload);
    }
  }

  @Test
  void theServersSvgKeepsNoScriptLink() {
    TestServer.Response svg = server.get("/pipelines/" + id + "/graph");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertHarmless(svg.body(), "svg");
    assertThat(svg.body()).contains("https://example.com/runbook?a=1&amp;b=2").contains("\"/pipelines\"");
  }

  @Test
  void theStyledDotForTheBrowserRendererKeepsNoScriptLink() {
    TestServer.Response dot = server.get("/pipelines/" + id + "/graph?format=dot");
    assertThat(dot.status()).isEqualTo(200);
    assertHarmless(dot.body(), "dot");
    assertThat(dot.body()).contains("https://example.com/runbook?a=1&amp;b=2").contains("href=\"/pipelines\"");
  }
}
