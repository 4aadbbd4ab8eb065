package dev.darkfactory.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line (run after {@code package}, by the {@code jar} execution of surefire in
 * darkfactory-cli's POM): factory.jar holds no testkit class, and {@code factory twin} still serves,
 * from the testkit jar the build put next to it.
 */
class FactoryJarIT {
  private static final Path TARGET = Path.of("target");
  private static final Path JAR = TARGET.resolve("factory.jar");

  /** Only in the execution after {@code package}: a {@code -Dtest} pattern can pull this class into the test phase, before the jar is built. */
  @BeforeAll
  static void onlyOnceThePackageIsBuilt() {
    assumeTrue(Boolean.getBoolean("darkfactory.packaged"), "runs after package (surefire execution 'jar')");
  }

  @Test
  void theProductJarHoldsNoTestkitClassAndTheTwinJarIsNextToIt() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("dev/darkfactory/testkit/"))).isEmpty();
      assertThat(jar.getEntry("dev/darkfactory/cli/Main.class")).isNotNull();
    }
    try (ZipFile twin = new ZipFile(TARGET.resolve(Testkit.JAR).toFile())) {
      assertThat(twin.getEntry("dev/darkfactory/testkit/FakeProviderServer.class")).isNotNull();
    }
  }

  @Test
  void factoryTwinServesFromTheJarThroughItsOwnClassLoader(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("twin.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process twin = new ProcessBuilder(java, "-jar", JAR.toString(), "twin", "llm", "--port", "0", "--duration", "PT0.2S")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertThat(twin.waitFor(60, TimeUnit.SECONDS)).as("the twin stops after its duration").isTrue();
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertThat(twin.exitValue()).as(String.join("\n", lines)).isZero();
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("LLM twin listening on http://127.0.0.1:"))
          .contains("LLM twin served 0 requests");
    } finally {
      twin.destroyForcibly();
    }
  }
}
