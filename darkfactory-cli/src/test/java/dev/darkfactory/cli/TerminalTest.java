package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Terminal#detect} in a child JVM: with output redirected (as under CI) it is not a
 * terminal, whatever {@code System.console()} returns on JDK 22+; on a pseudo-terminal made by
 * {@code script(1)} it is, with colour unless {@code NO_COLOR} or {@code TERM=dumb} says otherwise.
 */
class TerminalTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @Test
  void redirectedOutputIsNotATerminal() throws Exception {
    assertThat(probe(false, Map.of("TERM", "xterm"))).isEqualTo("interactive=false colour=false");
  }

  @Test
  void aPseudoTerminalIsATerminalWithColourUnlessTurnedOff() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "pseudo-terminal test skipped: no /usr/bin/script (util-linux)");
    Process check = new ProcessBuilder(SCRIPT.toString(), "-qec", "true", "/dev/null").redirectErrorStream(true).start();
    check.getInputStream().readAllBytes();
    Assumptions.assumeTrue(check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0,
        "pseudo-terminal test skipped: script(1) cannot open a pseudo-terminal here");
    assertThat(probe(true, Map.of("TERM", "xterm"))).isEqualTo("interactive=true colour=true");
    assertThat(probe(true, Map.of("TERM", "xterm", "NO_COLOR", "1"))).isEqualTo("interactive=true colour=false");
    assertThat(probe(true, Map.of("TERM", "dumb"))).isEqualTo("interactive=true colour=false");
  }

  private static String probe(boolean onAPty, Map<String, String> env) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> javaCommand = List.of(java, "-cp", System.getProperty("java.class.path"), TerminalProbe.class.getName());
    List<String> command = new ArrayList<>();
    if (onAPty) {
      command.addAll(List.of(SCRIPT.toString(), "-qec", String.join(" ", javaCommand.stream().map(TerminalTest::quoted).toList()), "/dev/null"));
    } else {
      command.addAll(javaCommand);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(line -> line.startsWith("interactive=")).findFirst().orElse(out).strip();
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
