package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.pipeline.render.GraphvizRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  private static final String PIPELINE = """
      digraph P {
        start [shape=Mdiamond]
        gate [shape=hexagon, label="Approve?", human.default_choice=exit]
        exit [shape=Msquare]
        start -> gate -> exit [label="[Y] Yes"]
      }
      """;

  @TempDir Path dir;

  @Test
  void writesCanonicalDotWithoutGraphviz() throws IOException {
    Path file = Files.writeString(dir.resolve("p.dot"), PIPELINE);
    Path out = dir.resolve("out/p.dot");
    CliRun run = CliRun.of("graph", file.toString(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(out)).contains("gate [shape=\"hexagon\", label=\"Approve?\", human.default_choice=\"exit\"]");
  }

  @Test
  void rendersSvgWithTheSpecShapes() throws IOException {
    assumeTrue(GraphvizRenderer.find().isPresent(), "Graphviz 'dot' is not installed: skipping the SVG rendering test");
    Path file = Files.writeString(dir.resolve("p.dot"), PIPELINE);
    Path out = dir.resolve("p.svg");
    CliRun run = CliRun.of("graph", file.toString(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String svg = Files.readString(out);
    assertThat(svg).startsWith("<?xml").contains("<svg").contains("Approve?");
    assertThat(svg).contains("<polygon").as("hexagon, diamond and square shapes are polygons");
  }

  @Test
  void rendersPng() throws IOException {
    assumeTrue(GraphvizRenderer.find().isPresent(), "Graphviz 'dot' is not installed: skipping the PNG rendering test");
    Path file = Files.writeString(dir.resolve("p.dot"), PIPELINE);
    Path out = dir.resolve("p.png");
    assertThat(CliRun.of("graph", file.toString(), "-o", out.toString()).exitCode()).isZero();
    byte[] png = Files.readAllBytes(out);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void unknownExtensionIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("p.dot"), PIPELINE);
    CliRun run = CliRun.of("graph", file.toString(), "-o", dir.resolve("p.gif").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("use a name ending in .svg, .png or .dot");
  }

  @Test
  void anOutputThatCannotBeWrittenSaysWhy() throws IOException {
    Path file = Files.writeString(dir.resolve("p.dot"), PIPELINE);
    Path aFile = Files.writeString(dir.resolve("not-a-dir"), "x");
    CliRun run = CliRun.of("graph", file.toString(), "-o", aFile.resolve("p.dot").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot write " + aFile.resolve("p.dot") + ": a file is in the way").doesNotContain("internal error");
  }
}
