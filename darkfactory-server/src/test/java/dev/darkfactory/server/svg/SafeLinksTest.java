package dev.darkfactory.server.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way of spelling a script link that browsers accept is refused; ordinary links stay. */
class SafeLinksTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u0001javascript:alert(1)", "java\tscript:alert(1)",
      "java\nscript:alert(1)", "java\rscript:alert(1)", "java&#9;script:alert(1)", "java&#09;script:alert(1)", "java&#x9;script:alert(1)",
      "java&#X09;script:alert(1)", "java&#10;script:alert(1)", "java&#13;script:alert(1)", "&#x6A;avascript:alert(1)",
      "&#106;avascript:alert(1)", "&#106avascript:alert(1)", "&#0000106;avascript:alert(1)", "&#x0000006a;avascript:alert(1)",
      "javascript&#58;alert(1)", "javascript&#x3a;alert(1)", "java&Tab;script:alert(1)", "javascript&colon;alert(1)",
      "java&NewLine;script:alert(1)", "&amp;#106;avascript:alert(1)", "&amp;amp;#106;avascript:alert(1)",
      "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml;base64,PHN2Zz4=", "vbscript:msgbox(1)", "VBScript:msgbox(1)",
      "file:///etc/passwd", "blob:http://127.0.0.1/x", "//evil.example/", " //evil.example", "/\\evil.example", "\\\\evil.example",
      "\\/evil.example", "/&#92;evil.example", "&#47;/evil.example", "\\N", "\\L", "mailto:a@example.com", "jar:file:x!/y"})
  void refused(String link) {
    assertThat(SafeLinks.isSafe(link)).as(link).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/docs", "http://example.com/a?b=1&c=2", "HTTPS://EXAMPLE.COM", "https://example.com/?q=a&amp;r=b",
      "/pipelines", "docs/stage.html", "#review", "?tab=prompt", "", "./javascript:alert(1)", "page%3Ajavascript", "%6Aavascript:x"})
  void kept(String link) {
    assertThat(SafeLinks.isSafe(link)).as(link).isTrue();
  }
}
