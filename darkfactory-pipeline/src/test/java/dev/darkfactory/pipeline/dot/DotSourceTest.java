package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotSourceTest {
  @TempDir Path dir;

  @Test
  void readsUtf8Text() throws IOException {
    Path file = Files.writeString(dir.resolve("p.dot"), "digraph G { a [label=\"Café ☕\"] }");
    var source = DotSource.read(file);
    assertThat(source.name()).isEqualTo(file.toString());
    assertThat(DotParser.parse(source).node("a").orElseThrow().label()).isEqualTo("Café ☕");
  }

  @Test
  void missingFile() {
    assertThatThrownBy(() -> DotSource.read(dir.resolve("nope.dot")))
        .isInstanceOf(PipelineSourceException.class)
        .hasMessage("cannot read " + dir.resolve("nope.dot") + ": no such file");
  }

  @Test
  void directory() {
    assertThatThrownBy(() -> DotSource.read(dir))
        .isInstanceOf(PipelineSourceException.class)
        .hasMessageContaining("it is a directory");
  }

  @Test
  void binaryFileIsRejectedWithThePositionOfTheFirstNulByte() throws IOException {
    Path file = Files.write(dir.resolve("x.dot"), new byte[] {'d', 'i', '\n', 'g', 0, 1, 2});
    assertThatThrownBy(() -> DotSource.read(file))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageStartingWith(file + ":2:2: this is not a text file");
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    byte[] latin1 = "digraph G { a [label=\"Caf\u00e9\"] }".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("x.dot"), latin1);
    assertThatThrownBy(() -> DotSource.read(file))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageContaining("not valid UTF-8 text (byte offset 25)");
  }
}
