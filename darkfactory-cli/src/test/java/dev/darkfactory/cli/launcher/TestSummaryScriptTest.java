package dev.darkfactory.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/test-summary}, the last line of {@code make test}: AttractorBench's scorer reads
 * "N passed, M failed" from it (failures and errors are failed; skipped tests are not passed).
 */
class TestSummaryScriptTest {
  private static final Path SCRIPT = Path.of("..", "bin", "test-summary").toAbsolutePath().normalize();

  @TempDir Path root;

  @Test
  void totalsTheSurefireReportsOfEveryModule() throws Exception {
    report("module-a", "TEST-a.One.xml", 10, 1, 0, 2);
    report("module-a", "TEST-a.Two.xml", 5, 0, 1, 0);
    report("module-b", "TEST-b.Three.xml", 7, 0, 0, 0);
    Files.writeString(Files.createDirectories(root.resolve("module-b/target/surefire-reports")).resolve("b.Three.txt"), "not a report");
    String out = run();
    assertThat(out.lines().toList()).containsExactly("(2 skipped)", "18 passed, 2 failed");
  }

  @Test
  void withoutReportsNothingPassed() throws Exception {
    assertThat(run().strip()).isEqualTo("0 passed, 0 failed");
  }

  private void report(String module, String name, int tests, int failures, int errors, int skipped) throws Exception {
    Path dir = Files.createDirectories(root.resolve(module).resolve("target/surefire-reports"));
    Files.writeString(dir.resolve(name), """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="%s" time="0.1" tests="%d" errors="%d" skipped="%d" failures="%d">
        </testsuite>
        """.formatted(name, tests, errors, skipped, failures));
  }

  /** Runs a copy of the script placed in {@code root/bin}, so it totals the reports under {@code root}. */
  private String run() throws Exception {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path copy = Files.copy(SCRIPT, bin.resolve("test-summary"));
    copy.toFile().setExecutable(true);
    Process process = new ProcessBuilder("bash", copy.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
