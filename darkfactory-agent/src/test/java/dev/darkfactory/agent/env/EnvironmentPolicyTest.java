package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secret filtering of inherited variables (coding-agent-loop-spec §4.2), decided on a given parent map. */
class EnvironmentPolicyTest {
  private static final Map<String, String> NO_EXPLICIT = Map.of();

  static Stream<String> suffixes() {
    return EnvironmentPolicy.SECRET_SUFFIXES.stream();
  }

  @Test
  void theSuffixesAreTheSpecsFiveAndOurThreeExtensions() {
    assertThat(EnvironmentPolicy.SECRET_SUFFIXES).containsExactlyInAnyOrder(
        "_API_KEY", "_SECRET", "_TOKEN", "_PASSWORD", "_CREDENTIAL", // §4.2
        "_CREDENTIALS", "_SECRET_ACCESS_KEY", "_PRIVATE_KEY"); // extensions
  }

  @ParameterizedTest
  @MethodSource("suffixes")
  void everySecretSuffixIsFilteredInAnyCase(String suffix) {
    String upper = "MY_SERVICE" + suffix;
    String lower = upper.toLowerCase(Locale.ROOT);
    String mixed = "My_Service" + mixedCase(suffix);
    Map<String, String> parent = Map.of(upper, "s1", lower, "s2", mixed, "s3", "EDITOR", "vi");

    Map<String, String> inherited = EnvironmentPolicy.defaults().apply(parent, NO_EXPLICIT);

    assertThat(inherited).containsOnlyKeys("EDITOR");
    assertThat(EnvironmentPolicy.isSecret(upper)).isTrue();
    assertThat(EnvironmentPolicy.isSecret(lower)).isTrue();
    assertThat(EnvironmentPolicy.isSecret(mixed)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GITHUB_TOKEN", "NPM_TOKEN", "DJANGO_SECRET",
      "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "GOOGLE_APPLICATION_CREDENTIALS", "DOCKER_CREDENTIAL",
      "SSH_PRIVATE_KEY", "github_token", "Openai_Api_Key"})
  void wellKnownSecretsAreFiltered(String name) {
    assertThat(EnvironmentPolicy.isSecret(name)).as(name).isTrue();
    assertThat(EnvironmentPolicy.defaults().apply(Map.of(name, "s", "EDITOR", "vi"), NO_EXPLICIT))
        .as(name).containsOnlyKeys("EDITOR");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "PATH", "HOME", "TOKENIZERS_PARALLELISM", "API_KEY_FILE", "MONKEY", "SECRET", "TOKEN", "PASSWORD_STORE_DIR",
      "GIT_ASKPASS", "MY_TOKENS", "MY_SECRETS", "KEY", "SSH_AUTH_SOCK", "PUBLIC_KEY"})
  void namesThatOnlyResembleSecretsAreInherited(String name) {
    Map<String, String> inherited = EnvironmentPolicy.defaults().apply(Map.of(name, "v"), NO_EXPLICIT);

    assertThat(inherited).as(name).containsExactly(Map.entry(name, "v"));
  }

  @Test
  void filteringCanBeTurnedOff() {
    Map<String, String> parent = secretsForEverySuffix();

    assertThat(new EnvironmentPolicy(EnvironmentPolicy.Inheritance.INHERIT_ALL, false).apply(parent, NO_EXPLICIT))
        .isEqualTo(parent);
    assertThat(EnvironmentPolicy.defaults().apply(parent, NO_EXPLICIT)).isEmpty();
  }

  @Test
  void explicitVariablesAreNeverFiltered() {
    Map<String, String> explicit = secretsForEverySuffix();

    for (EnvironmentPolicy policy : new EnvironmentPolicy[] {
        EnvironmentPolicy.defaults(), EnvironmentPolicy.coreOnly(), EnvironmentPolicy.none()}) {
      assertThat(policy.apply(Map.of("OPENAI_API_KEY", "inherited"), explicit)).isEqualTo(explicit);
    }
  }

  @Test
  void coreOnlyKeepsCoreAndLocaleVariablesButNoSecret() {
    Map<String, String> parent = new LinkedHashMap<>(secretsForEverySuffix());
    parent.put("PATH", "/bin");
    parent.put("LC_ALL", "C.UTF-8");
    parent.put("EDITOR", "vi");

    assertThat(EnvironmentPolicy.coreOnly().apply(parent, NO_EXPLICIT)).containsOnlyKeys("PATH", "LC_ALL");
    assertThat(EnvironmentPolicy.none().apply(parent, NO_EXPLICIT)).isEmpty();
  }

  /** One upper- and one lower-case secret per suffix. */
  static Map<String, String> secretsForEverySuffix() {
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
