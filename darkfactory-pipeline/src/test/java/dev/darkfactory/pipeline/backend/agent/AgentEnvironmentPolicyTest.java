package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.state.RunStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent stage's shell commands and tool hooks inherit (issue 11): the same policy as tool
 * nodes. Surefire sets the secrets for this JVM (see the pom).
 */
class AgentEnvironmentPolicyTest {
  static final List<String> SECRETS = List.of(
      "ANTHROPIC_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "GITHUB_TOKEN", "GH_PAT", "DB_PASSWORD", "DATABASE_URL");

  @TempDir java.nio.file.Path temp;
  AgentRunKit kit;

  @BeforeEach
  void setUp() {
    kit = new AgentRunKit(temp);
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  private static String stage(String graphAttributes, String nodeAttributes) {
    return """
        digraph Env {
          graph [%s]
          start [shape=Mdiamond]
          work [prompt="Show the environment"%s]
          done [shape=Msquare]
          start -> work -> done
        }
        """.formatted(graphAttributes, nodeAttributes);
  }

  @Test
  void theAgentsShellAndHooksSeeNoSecretOfTheEngine() {
    assertThat(System.getenv("GH_PAT")).as("set by surefire").isNotNull();
    kit.calls("shell", json("{'command':'env > shell-env.txt'}")).reports(json("{'outcome':'success'}"));

    RunResult result = kit.run(stage("tool_hooks.pre=\"env > hook-env.txt\"", ""));

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    for (String file : List.of("shell-env.txt", "hook-env.txt")) {
      String env = kit.file(file);
      for (String secret : SECRETS) {
        assertThat(env).as(file + ": " + secret).doesNotContainPattern("(?m)^" + secret + "=");
      }
      assertThat(env).as(file).doesNotContain("must-not-leak").containsPattern("(?m)^PATH=").containsPattern("(?m)^HOME=");
    }
    assertThat(kit.file("hook-env.txt")).contains("ATTRACTOR_TOOL_NAME=");
  }

  @Test
  void variablesNamedByTheGraphTheNodeOrTheHostArePassed() {
    kit.environmentPolicy(EnvironmentPolicy.defaults().passing(List.of("DARKFACTORY_TEST_PASSED")))
        .calls("shell", json("{'command':'env > shell-env.txt'}")).reports(json("{'outcome':'success'}"));

    kit.run(stage("pass_env=\"DATABASE_URL\", tool_hooks.post=\"env > hook-env.txt\"", ", pass_env=\"GH_PAT\""));

    for (String file : List.of("shell-env.txt", "hook-env.txt")) {
      assertThat(kit.file(file)).as(file)
          .contains("DARKFACTORY_TEST_PASSED=visible\n", "DATABASE_URL=postgres://app:must-not-leak@", "GH_PAT=must-not-leak")
          .doesNotContainPattern("(?m)^(GITHUB_TOKEN|AWS_SECRET_ACCESS_KEY|ANTHROPIC_API_KEY)=");
    }
  }
}
