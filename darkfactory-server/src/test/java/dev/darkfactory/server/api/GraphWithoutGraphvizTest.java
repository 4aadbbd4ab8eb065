package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.TestServer.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server without Graphviz ({@code browserGraphs}, the seam that makes the server act as if {@code
 * dot} were missing): the SVG graph is a documented {@code 503 unavailable}, the styled DOT still
 * works, and {@code /api/info} says so.
 */
class GraphWithoutGraphvizTest {
  @TempDir Path dataDir;

  @Test
  void theSvgGraphIs503UnavailableAndTheDotStillServes() {
    try (TestServer server = TestServer.start(dataDir, b -> b.browserGraphs(true))) {
      assertThat(server.get("/api/info").json().path("graphviz").asBoolean()).isFalse();
      String id = server.submit(TestServer.pipeline("linear.dot"));
      server.awaitStatus(id, "success");

      for (String path : new String[] {"/pipelines/" + id + "/graph", "/pipelines/" + id + "/graph?format=svg"}) {
        Response svg = server.get(path);
        assertThat(svg.status()).as(path).isEqualTo(503);
        assertThat(svg.header("Content-Type")).as(path).startsWith("application/json");
        assertThat(svg.errorCode()).as(path).isEqualTo("unavailable");
        assertThat(svg.json().path("error").path("message").asString()).as(path).contains("Graphviz").contains("format=dot");
      }
      Response dot = server.get("/pipelines/" + id + "/graph?format=dot");
      assertThat(dot.status()).isEqualTo(200);
      assertThat(dot.header("Content-Type")).startsWith("text/vnd.graphviz");
      assertThat(dot.body()).contains("digraph").contains("fillcolor");
      // Unknown runs are still 404 and bad formats 400, before Graphviz is needed.
      assertThat(server.get("/pipelines/20990101-000000-abcdef/graph").errorCode()).isEqualTo("not_found");
      assertThat(server.get("/pipelines/" + id + "/graph?format=png").status()).isEqualTo(400);
    }
  }
}
