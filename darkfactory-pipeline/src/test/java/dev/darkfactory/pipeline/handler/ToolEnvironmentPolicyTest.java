package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tool node's command inherits (issue 11): only the allow-list and what the pipeline or the
 * host names. Surefire sets ANTHROPIC_API_KEY, AWS_SECRET_ACCESS_KEY, AWS_ACCESS_KEY_ID,
 * GITHUB_TOKEN, GH_PAT, DB_PASSWORD and a DATABASE_URL with a password for this JVM (see the pom).
 */
class ToolEnvironmentPolicyTest {
  static final List<String> SECRETS = List.of(
      "ANTHROPIC_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "GITHUB_TOKEN", "GH_PAT", "DB_PASSWORD", "DATABASE_URL");

  @TempDir Path temp;

  private String env(String dot, ToolSettings settings) throws Exception {
    StageFixture fixture = new StageFixture(dot, temp.resolve("run"));
    Outcome outcome = new ToolHandler(settings).execute(fixture.stage("show"));
    assertThat(outcome.status()).as(outcome.failureReason()).isEqualTo(StageStatus.SUCCESS);
    return String.valueOf(outcome.contextUpdates().get(ContextKeys.TOOL_OUTPUT));
  }

  private static ToolSettings fast() {
    return new ToolSettings(Duration.ofSeconds(30), Duration.ofMillis(300), 64 * 1024);
  }

  @Test
  void aToolNodeSeesNoSecretOfTheEngine() throws Exception {
    assertThat(System.getenv("GH_PAT")).as("set by surefire").isNotNull();
    assertThat(System.getenv("DATABASE_URL")).as("set by surefire").contains(":must-not-leak@");

    String env = env("digraph G { show [shape=parallelogram, tool_command=\"env\"] }", fast());

    for (String secret : SECRETS) {
      assertThat(env).as(secret).doesNotContainPattern("(?m)^" + secret + "=");
    }
    assertThat(env).doesNotContain("must-not-leak").containsPattern("(?m)^PATH=").containsPattern("(?m)^HOME=")
        .contains("FACTORY_NODE_ID=show");
  }

  @Test
  void theGraphAndTheNodeNameWhatTheirCommandsGet() throws Exception {
    String env = env("""
        digraph G {
          graph [pass_env="DARKFACTORY_TEST_PASSED"]
          show [shape=parallelogram, tool_command="env", pass_env="DATABASE_URL, GH_PAT"]
        }
        """, fast());

    assertThat(env).contains("DARKFACTORY_TEST_PASSED=visible\n", "DATABASE_URL=postgres://app:must-not-leak@", "GH_PAT=")
        .doesNotContainPattern("(?m)^(GITHUB_TOKEN|AWS_SECRET_ACCESS_KEY|ANTHROPIC_API_KEY|DB_PASSWORD)=");
  }

  @Test
  void theHostsPolicyNamesVariablesForEveryToolNode() throws Exception {
    ToolSettings passing = fast().withEnvironmentPolicy(EnvironmentPolicy.defaults().passing(List.of("DARKFACTORY_TEST_PASSED")));

    String env = env("digraph G { show [shape=parallelogram, tool_command=\"env\"] }", passing);

    assertThat(env).contains("DARKFACTORY_TEST_PASSED=visible\n").doesNotContainPattern("(?m)^DATABASE_URL=");
  }
}
