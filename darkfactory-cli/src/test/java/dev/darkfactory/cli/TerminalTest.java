package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Terminal#detect} in a child JVM: with output redirected (as under CI) it is not a
 * terminal, whatever {@code System.console()} returns on JDK 22+; on a pseudo-terminal it is, with
 * colour unless {@code NO_COLOR} or {@code TERM=dumb} says otherwise.
 */
class TerminalTest {
  @Test
  void redirectedOutputIsNotATerminal() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(PseudoTerminal.java(TerminalProbe.class)).redirectErrorStream(true);
    builder.environment().put("TERM", "xterm");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out.strip()).isEqualTo("interactive=false colour=false");
  }

  @Test
  void aPseudoTerminalIsATerminalWithColourUnlessTurnedOff() throws Exception {
    Assumptions.assumeTrue(PseudoTerminal.available(), "pseudo-terminal test skipped: script(1) cannot open a pseudo-terminal here");
    assertThat(probe(Map.of("TERM", "xterm"))).isEqualTo("interactive=true colour=true");
    assertThat(probe(Map.of("TERM", "xterm", "NO_COLOR", "1"))).isEqualTo("interactive=true colour=false");
    assertThat(probe(Map.of("TERM", "dumb"))).isEqualTo("interactive=true colour=false");
  }

  private static String probe(Map<String, String> env) throws IOException, InterruptedException {
    String out = PseudoTerminal.run(PseudoTerminal.java(TerminalProbe.class), env, "");
    return out.lines().filter(line -> line.startsWith("interactive=")).findFirst().orElse(out).strip();
  }
}
