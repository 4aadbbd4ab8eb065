package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pass-env}: a run's tool nodes get only the allow-list and the names passed. Surefire sets
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, GH_PAT, DB_PASSWORD, a DATABASE_URL with
 * a password and DARKFACTORY_TEST_PASSED for this JVM (see the pom).
 */
class PassEnvTest {
  @TempDir Path temp;

  private Path pipeline() throws Exception {
    return Files.writeString(temp.resolve("env.dot"), """
        digraph Env {
          start [shape=Mdiamond]
          show [shape=parallelogram, tool_command="env > env.txt"]
          done [shape=Msquare]
          start -> show -> done
        }
        """);
  }

  private String envSeen() throws Exception {
    return Files.readString(temp.resolve("env.txt"));
  }

  @Test
  void aToolNodeGetsNoSecretWithoutPassEnv() throws Exception {
    assertThat(System.getenv("GH_PAT")).as("set by surefire").isNotNull();

    CliRun run = CliRun.of("run", pipeline().toString(), "--workdir", temp.toString(), "--logs-root", temp.resolve("run").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(envSeen()).doesNotContain("must-not-leak")
        .doesNotContainPattern("(?m)^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|GITHUB_TOKEN|GH_PAT|DB_PASSWORD|DATABASE_URL|DARKFACTORY_TEST_PASSED)=")
        .containsPattern("(?m)^PATH=");
  }

  @Test
  void passedNamesReachTheCommand() throws Exception {
    CliRun run = CliRun.of("run", pipeline().toString(), "--workdir", temp.toString(), "--logs-root", temp.resolve("run").toString(),
        "--pass-env", "DARKFACTORY_TEST_PASSED", "--pass-env", "DATABASE_URL,GH_PAT");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(envSeen()).contains("DARKFACTORY_TEST_PASSED=visible\n", "DATABASE_URL=postgres://app:must-not-leak@", "GH_PAT=")
        .doesNotContainPattern("(?m)^(GITHUB_TOKEN|AWS_SECRET_ACCESS_KEY|DB_PASSWORD)=");
    assertThat(temp.resolve("run/manifest.json")).content().contains("\"pass_env\" : \"DARKFACTORY_TEST_PASSED,DATABASE_URL,GH_PAT\"");
  }

  @Test
  void aResumePassesTheNamesTheRunRecorded() throws Exception {
    Path gated = Files.writeString(temp.resolve("gated.dot"), """
        digraph Gated {
          start [shape=Mdiamond]
          approve [shape=hexagon, label="Go on?"]
          show [shape=parallelogram, tool_command="env > env.txt"]
          done [shape=Msquare]
          start -> approve
          approve -> show [label="Yes"]
          approve -> done [label="No"]
          show -> done
        }
        """);
    String root = temp.resolve("run").toString();
    CliRun stopped = CliRun.of("run", gated.toString(), "--workdir", temp.toString(), "--logs-root", root, "--pass-env", "DARKFACTORY_TEST_PASSED");
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    assertThat(temp.resolve("env.txt")).doesNotExist();

    CliRun resumed = CliRun.of("resume", root, "--auto-approve");

    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(envSeen()).contains("DARKFACTORY_TEST_PASSED=visible\n").doesNotContain("must-not-leak");
  }

  @Test
  void aNameThatCannotBeAVariableIsAUsageError() throws Exception {
    CliRun run = CliRun.of("run", pipeline().toString(), "--workdir", temp.toString(), "--logs-root", temp.resolve("run").toString(),
        "--pass-env", "GH-PAT");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--pass-env: 'GH-PAT' is not an environment variable name");
    assertThat(temp.resolve("env.txt")).doesNotExist();
  }
}
