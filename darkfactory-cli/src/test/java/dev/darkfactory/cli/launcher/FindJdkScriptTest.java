package dev.darkfactory.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/find-jdk}, which {@code ./factory}, {@code ./mvnw} and {@code .ci/run} use to pick a JDK 21+. */
class FindJdkScriptTest {
  private static final Path SCRIPT = Path.of("..", "bin", "find-jdk").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void picksTheNewestJdkOfAtLeast21() throws Exception {
    fakeJdk("jdk-17", "17.0.15");
    fakeJdk("jdk-21", "21.0.9");
    fakeJdk("jdk-25", "25.0.3");
    Result result = findJdk();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo(dir.resolve("jvm/jdk-25").toString());
  }

  @Test
  void prefersJavaHomeWhenItIsRecentEnough() throws Exception {
    Path home = fakeJdk("jdk-21", "21.0.9");
    fakeJdk("jdk-25", "25.0.3");
    Result result = run("JAVA_HOME=" + home + "; . '" + SCRIPT + "'; darkfactory_find_jdk && echo \"$JAVA_HOME\"");
    assertThat(result.out().strip()).isEqualTo(home.toString());
  }

  @Test
  void saysWhatToDoWhenNoJdk21Exists() throws Exception {
    fakeJdk("jdk-17", "17.0.15");
    Result result = findJdk();
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err())
        .contains("Dark Factory needs a JDK 21 or newer, and none was found.")
        .contains(dir.resolve("jvm") + "/*")
        .contains("set JAVA_HOME");
  }

  private Result findJdk() throws IOException, InterruptedException {
    return run("unset JAVA_HOME; . '" + SCRIPT + "'; darkfactory_find_jdk && echo \"$JAVA_HOME\"");
  }

  private Result run(String script) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script);
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("DARKFACTORY_JDK_SEARCH", dir.resolve("jvm").toString());
    builder.environment().remove("JAVA_HOME");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  /** A directory that looks like a JDK: a {@code release} file and executable {@code java}/{@code javac}. */
  private Path fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jvm").resolve(name));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path bin = Files.createDirectories(home.resolve("bin"));
    for (String tool : List.of("java", "javac")) {
      Path file = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }

  private record Result(int exitCode, String out, String err) {}
}
