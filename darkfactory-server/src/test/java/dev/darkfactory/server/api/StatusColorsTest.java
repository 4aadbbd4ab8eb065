package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SVG fills and the UI's stylesheet and script share one palette. */
class StatusColorsTest {
  @Test
  void theStylesheetAndTheGraphScriptUseTheServersFills() throws IOException {
    String css = resource("/dev/darkfactory/server/ui/app.css");
    String js = resource("/dev/darkfactory/server/ui/js/graph.js");
    StatusColors.FILLS.forEach((status, fill) -> {
      assertThat(css).as(status).contains("--status-" + status + ": " + fill + ";");
      assertThat(js).as(status).containsPattern("\\b" + status + ": '" + fill + "'");
    });
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = StatusColorsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
