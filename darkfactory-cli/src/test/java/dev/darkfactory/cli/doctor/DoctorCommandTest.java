package dev.darkfactory.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.Terminal;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code factory doctor}: tools and providers, each problem with its fix. */
class DoctorCommandTest {
  /** Every tool present, answering with its name. */
  static final Doctor.Commands ALL_TOOLS = command -> Optional.of(command.getFirst() + " 1.0");

  record Output(int exitCode, String out) {}

  static Output run(Map<String, String> env, Doctor.Commands commands, String... args) {
    StringWriter out = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Terminal.none());
    int code = new CommandLine(new DoctorCommand(context, new Doctor(Environment.of(env), commands))).execute(args);
    return new Output(code, out.toString());
  }

  static Map<String, String> anthropicOnly(FakeProviderServer twin) {
    return twin.environment().entrySet().stream().filter(e -> e.getKey().startsWith("ANTHROPIC"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void aHealthyMachineProbesEachProviderWithOneToken() {
    try (FakeProviderServer twin = FakeProviderServer.start()) {
      Output doctor = run(anthropicOnly(twin), ALL_TOOLS);
      assertThat(doctor.exitCode()).isZero();
      assertThat(doctor.out()).contains("ok   jdk", "ok   git        git 1.0", "ok   ripgrep    rg 1.0", "ok   anthropic  claude-sonnet-4-5 answered in");
      assertThat(twin.lastRequest().json().path("max_tokens").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aRejectedKeyFailsWithTheClientsRemedy() {
    try (FakeProviderServer twin = FakeProviderServer.start()) {
      twin.enqueue(Reply.fault(Fault.unauthorized()));
      Output doctor = run(anthropicOnly(twin), ALL_TOOLS);
      assertThat(doctor.exitCode()).isEqualTo(1);
      assertThat(doctor.out()).contains("FAIL anthropic  claude-sonnet-4-5: authentication:", "fix: Check the provider's API key variable");
    }
  }

  @Test
  void missingToolsAreNamedWithHowToInstallThem() {
    Doctor.Commands onlyGit = command -> command.getFirst().equals("git") ? Optional.of("git version 2") : Optional.empty();
    Output doctor = run(Map.of(), onlyGit, "--no-probe");
    assertThat(doctor.exitCode()).as("optional tools and a missing provider only warn").isZero();
    assertThat(doctor.out()).contains("warn graphviz   not found", "apt-get install graphviz", "warn bubblewrap not found",
        "warn ripgrep    not found", "warn providers  none configured", "fix: set OPENAI_API_KEY");
  }

  @Test
  void withoutGitRunsCannotWork() {
    Output doctor = run(Map.of(), command -> Optional.empty(), "--no-probe");
    assertThat(doctor.exitCode()).isEqualTo(1);
    assertThat(doctor.out()).contains("FAIL git        not found", "apt-get install git");
  }

  @Test
  void noProbeListsProvidersWithoutCallingThem() {
    try (FakeProviderServer twin = FakeProviderServer.start()) {
      Output doctor = run(anthropicOnly(twin), ALL_TOOLS, "--no-probe", "--json");
      assertThat(doctor.exitCode()).isZero();
      assertThat(doctor.out()).contains("\"subject\": \"anthropic\"", "not probed");
      assertThat(twin.requestCount()).isZero();
      assertThat(List.of(doctor.out().split("\"subject\"")).size() - 1).isEqualTo(6);
    }
  }
}
