package dev.darkfactory.agent.env.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a process inherits (coding-agent-loop-spec §4.2), decided on a given parent map. */
public class EnvironmentPolicyTest {
  private static final Map<String, String> NO_EXPLICIT = Map.of();

  /** The secrets of issue 11, some of which no name pattern catches. */
  static Map<String, String> issueSecrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("ANTHROPIC_API_KEY", "sk-ant-must-not-leak");
    secrets.put("AWS_SECRET_ACCESS_KEY", "must-not-leak");
    secrets.put("AWS_ACCESS_KEY_ID", "AKIAMUSTNOTLEAK");
    secrets.put("GITHUB_TOKEN", "ghp_must-not-leak");
    secrets.put("GH_PAT", "github_pat_must-not-leak");
    secrets.put("DB_PASSWORD", "must-not-leak");
    secrets.put("DATABASE_URL", "postgres://app:must-not-leak@db.internal:5432/app");
    return secrets;
  }

  static Stream<String> suffixes() {
    return EnvironmentPolicy.SECRET_SUFFIXES.stream();
  }

  @Test
  void theDefaultInheritsOnlyTheAllowList() {
    Map<String, String> parent = new LinkedHashMap<>(issueSecrets());
    parent.putAll(Map.of("PATH", "/usr/bin", "HOME", "/home/dev", "LC_ALL", "C.UTF-8", "JAVA_HOME", "/usr/lib/jvm/jdk",
        "EDITOR", "vi", "SSH_AUTH_SOCK", "/tmp/agent.sock", "HTTPS_PROXY", "http://user:pw@proxy:3128"));

    assertThat(EnvironmentPolicy.defaults().apply(parent, NO_EXPLICIT))
        .containsOnlyKeys("PATH", "HOME", "LC_ALL", "JAVA_HOME");
  }

  @Test
  void theAllowListIsTheDocumentedOne() {
    assertThat(EnvironmentPolicy.CORE_VARIABLES).containsExactlyInAnyOrder(
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM", "TZ", "TMPDIR", "JAVA_HOME",
        "MAVEN_HOME", "M2_HOME", "GRADLE_USER_HOME", "GOPATH", "GOROOT", "GOCACHE", "CARGO_HOME", "RUSTUP_HOME",
        "NVM_DIR", "NODE_PATH", "PNPM_HOME", "PYENV_ROOT", "VIRTUAL_ENV", "CONDA_PREFIX", "PYTHONPATH", "GEM_HOME",
        "BUNDLE_PATH", "DENO_DIR");
  }

  @Test
  void namedVariablesArePassedEvenWhenTheyLookSecret() {
    Map<String, String> parent = new LinkedHashMap<>(issueSecrets());
    parent.put("PATH", "/usr/bin");

    Map<String, String> env = EnvironmentPolicy.defaults().passing(List.of("DATABASE_URL", "NPM_TOKEN")).apply(parent, NO_EXPLICIT);

    assertThat(env).containsOnlyKeys("PATH", "DATABASE_URL");
    assertThat(EnvironmentPolicy.none().passing(List.of("GH_PAT")).apply(parent, NO_EXPLICIT)).containsOnlyKeys("GH_PAT");
  }

  @Test
  void namesArePassedExactly() {
    Map<String, String> env = EnvironmentPolicy.defaults().passing(List.of("db_url")).apply(Map.of("DB_URL", "x"), NO_EXPLICIT);

    assertThat(env).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1ABC", "A-B", "A=B", "A B", "$HOME", "NAME\u0000"})
  void somethingThatIsNotAVariableNameIsRefused(String name) {
    assertThat(EnvironmentPolicy.nameProblem(name)).get().asString().contains("is not an environment variable name");
    assertThatThrownBy(() -> EnvironmentPolicy.defaults().passing(List.of(name)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use letters, digits and _");
  }

  @Test
  void inheritAllStillDropsWhatLooksSecretByNameOrValue() {
    Map<String, String> parent = new LinkedHashMap<>(issueSecrets());
    parent.put("EDITOR", "vi");
    parent.put("CACHE_URL", "redis://cache.internal:6379/0");
    parent.put("MIRROR", "https://user:pw@mirror.example/repo");

    assertThat(EnvironmentPolicy.inheritAll().apply(parent, NO_EXPLICIT)).containsOnlyKeys("EDITOR", "CACHE_URL");
  }

  @ParameterizedTest
  @MethodSource("suffixes")
  void everySecretSuffixIsDroppedByInheritAllInAnyCase(String suffix) {
    String upper = "MY_SERVICE" + suffix;
    String lower = upper.toLowerCase(Locale.ROOT);
    String mixed = "My_Service" + mixedCase(suffix);
    Map<String, String> parent = Map.of(upper, "s1", lower, "s2", mixed, "s3", "EDITOR", "vi");

    assertThat(EnvironmentPolicy.inheritAll().apply(parent, NO_EXPLICIT)).containsOnlyKeys("EDITOR");
    assertThat(EnvironmentPolicy.isSecret(upper)).isTrue();
    assertThat(EnvironmentPolicy.isSecret(lower)).isTrue();
    assertThat(EnvironmentPolicy.isSecret(mixed)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "PATH", "HOME", "TOKENIZERS_PARALLELISM", "API_KEY_FILE", "MONKEY", "SECRET", "TOKEN", "PASSWORD_STORE_DIR",
      "GIT_ASKPASS", "MY_TOKENS", "MY_SECRETS", "KEY", "SSH_AUTH_SOCK", "PUBLIC_KEY", "XPATH"})
  void namesThatOnlyResembleSecretsAreNotSecretNames(String name) {
    assertThat(EnvironmentPolicy.isSecret(name)).as(name).isFalse();
    assertThat(EnvironmentPolicy.inheritAll().apply(Map.of(name, "v"), NO_EXPLICIT)).as(name).containsExactly(Map.entry(name, "v"));
  }

  @Test
  void explicitVariablesAreNeverFiltered() {
    Map<String, String> explicit = secretsForEverySuffix();

    for (EnvironmentPolicy policy : List.of(EnvironmentPolicy.defaults(), EnvironmentPolicy.inheritAll(), EnvironmentPolicy.none())) {
      assertThat(policy.apply(Map.of("OPENAI_API_KEY", "inherited"), explicit)).isEqualTo(explicit);
    }
  }

  @Test
  void aProcessBuilderGetsThePolicysEnvironment() {
    ProcessBuilder builder = new ProcessBuilder("true");
    builder.environment().put("GH_PAT", "must-not-leak");
    builder.environment().put("PATH", "/usr/bin");

    EnvironmentPolicy.defaults().applyTo(builder, Map.of("STAGE", "x"));

    assertThat(builder.environment()).doesNotContainKey("GH_PAT").containsEntry("PATH", "/usr/bin").containsEntry("STAGE", "x");
  }

  /** One upper- and one lower-case secret per suffix. */
  public static Map<String, String> secretsForEverySuffix() {
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String suffix : EnvironmentPolicy.SECRET_SUFFIXES) {
      secrets.put("APP" + suffix, "upper");
      secrets.put(("app" + suffix).toLowerCase(Locale.ROOT), "lower");
    }
    return secrets;
  }

  /** {@code _API_KEY} becomes {@code _aPi_kEy}: every other letter flipped. */
  private static String mixedCase(String text) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      result.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return result.toString();
  }
}
