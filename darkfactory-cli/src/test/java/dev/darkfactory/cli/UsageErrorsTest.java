package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * User mistakes get a plain message that says what is wrong and what to do, and exit 2: never a
 * Java exception's name, never "internal error", never forty lines of help (issue 11, items 15, 17).
 */
class UsageErrorsTest {
  @TempDir Path temp;

  static final String QUICKSTART = Path.of("..", "examples", "quickstart.dot").toString();

  private static void assertPlain(CliRun run) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).as(run.toString()).doesNotContain("internal error", "Exception", "Usage:", "java.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      run QUICKSTART --max-cost NaN           | Invalid value for option '--max-cost': max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not 'NaN'
      run QUICKSTART --max-cost-usd -1        | Invalid value for option '--max-cost-usd': max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not -1
      run QUICKSTART --max-tokens -5          | Invalid value for option '--max-tokens': max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5
      run QUICKSTART --set novalue            | 'novalue' has no '=': write KEY=VALUE, such as ticket=PROJ-42 (an empty value is ticket=)
      run QUICKSTART --timeout 0s             | Invalid value for option '--timeout': '0s' is not positive: a duration must be longer than zero, such as 30m
      run QUICKSTART --timeout 99999999999999999h | Invalid value for option '--timeout': '99999999999999999h' is too large: the longest duration is 36500d (100 years)
      run QUICKSTART --stall-timeout soon     | Invalid value for option '--stall-timeout': 'soon' is not a duration: write a whole number with ms, s, m, h or d
      run QUICKSTART --backend simulator      | Invalid value for option '--backend': 'simulator' is not a backend: use one of agent, simulation, scripted
      twin llm --port 99999                   | Invalid value for option '--port': '99999' is not a port: use 0 to 65535 (0 picks a free one)
      twin llm --duration 10x                 | Invalid value for option '--duration': '10x' is not a duration
      twin attractorbench --port -1           | Invalid value for option '--port': '-1' is not a port: use 0 to 65535
      serve --port 70000                      | Invalid value for option '--port': '70000' is not a port: use 0 to 65535
      """)
  void aBadOptionValueSaysWhatIsWrongAndWhatToDo(String command, String message) {
    CliRun run = CliRun.of(command.replace("QUICKSTART", QUICKSTART).split(" +"));
    assertPlain(run);
    assertThat(run.err()).contains("error: ").contains(message);
  }

  @Test
  void aUsageErrorPrintsTheErrorAndOneLinePointingToHelp() {
    CliRun run = CliRun.of("run", "--no-such-option", QUICKSTART);
    assertPlain(run);
    assertThat(run.err().lines()).containsExactly("error: Unknown option: '--no-such-option'", "Run 'factory run --help' for its options.");
    CliRun missing = CliRun.of("llm", "complete", "hi");
    assertPlain(missing);
    assertThat(missing.err().lines()).containsExactly("error: Missing required option: '--model=M'", "Run 'factory llm complete --help' for its options.");
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOnes() {
    CliRun run = CliRun.of("valdate");
    assertPlain(run);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'valdate'", "Did you mean: factory validate", "Run 'factory --help'");
  }

  @Test
  void twinDurationsUseTheDurationsOfEveryOtherCommand() {
    CliRun run = CliRun.of("twin", "llm", "--port", "0", "--duration", "1s");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("LLM twin listening on", "LLM twin served 0 requests");
    assertThat(run.err()).doesNotContain("DateTimeParseException");
  }

  @Test
  void aNumberTooLargeInAPipelineSaysSoWithTheRange() throws IOException {
    Path dot = Files.writeString(temp.resolve("big.dot"), """
        digraph G { start [shape=Mdiamond]; exit [shape=Msquare]; w [max_retries=99999999999999999999, prompt="x"]; start -> w -> exit }
        """);
    CliRun run = CliRun.of("run", dot.toString(), "--logs-root", temp.resolve("run").toString());
    assertPlain(run);
    assertThat(run.err()).contains("the number 99999999999999999999 is too large: whole numbers range from -9223372036854775808 to 9223372036854775807")
        .doesNotContain("not a number");
  }

  @Test
  void serveOnAPortInUseSaysSo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.in(Environment.of(Map.of()), "serve", "--port", Integer.toString(taken.getLocalPort()), "--data", temp.resolve("data").toString());
      assertPlain(run);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is in use or not allowed",
          "pick another with --port").doesNotContain("JavalinBindException");
    }
  }

  @Test
  void serveWithADataDirectoryThatIsAFileSaysSo() throws IOException {
    Path file = Files.writeString(temp.resolve("data"), "x");
    CliRun run = CliRun.in(Environment.of(Map.of()), "serve", "--port", "0", "--data", file.toString());
    assertPlain(run);
    assertThat(run.err()).contains("the data directory " + file + " is a file, not a directory: pass --data a directory")
        .doesNotContain(": " + file + "\n");
  }

  @Test
  void aBugSaysToSetFactoryDebugOnlyWhenItIsNotSet() {
    StringWriter quiet = new StringWriter();
    CommandLine commandLine = DarkFactoryCommand.commandLine(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(quiet, true), Terminal.none()));
    int code = new ErrorReporter(Terminal.none(), Map.of()).handleExecutionException(new IllegalStateException("boom"), commandLine, null);
    assertThat(code).isEqualTo(ExitCode.FAILED);
    assertThat(quiet.toString()).contains("internal error", "Run again with FACTORY_DEBUG=1 for the stack trace").doesNotContain("\tat ");

    StringWriter debug = new StringWriter();
    commandLine.setErr(new PrintWriter(debug, true));
    new ErrorReporter(Terminal.none(), Map.of("FACTORY_DEBUG", "1")).handleExecutionException(new IllegalStateException("boom"), commandLine, null);
    assertThat(debug.toString()).contains("internal error", "Please report it with the stack trace below", "\tat ")
        .doesNotContain("Run again with FACTORY_DEBUG=1");
  }
}
