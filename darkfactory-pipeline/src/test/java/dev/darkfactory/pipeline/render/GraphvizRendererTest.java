package dev.darkfactory.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Graphviz's {@code dot}, and what a user without it is told. */
class GraphvizRendererTest {
  @TempDir Path temp;

  @Test
  void withoutDotOnThePathThereIsNoRendererAndTheHintSaysHowToInstallIt() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("bin"));
    Files.createDirectories(empty.resolve("dot")); // a directory named dot is not the command
    assertThat(GraphvizRenderer.find(empty.toString())).isEmpty();
    assertThat(GraphvizRenderer.find(null)).isEmpty();
    assertThat(GraphvizRenderer.installHint()).contains("apt-get install graphviz", "brew install graphviz", "-o FILE.dot");
  }

  @Test
  void theFirstExecutableDotOnThePathIsUsed() throws Exception {
    Path notExecutable = Files.createDirectories(temp.resolve("a"));
    Files.writeString(notExecutable.resolve("dot"), "not a program");
    Path bin = Files.createDirectories(temp.resolve("b"));
    Path dot = Files.writeString(bin.resolve("dot"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(GraphvizRenderer.find(notExecutable + java.io.File.pathSeparator + bin)).isPresent();
  }
}
