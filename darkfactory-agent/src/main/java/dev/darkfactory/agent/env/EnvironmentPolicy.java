package dev.darkfactory.agent.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of the parent process's environment variables a command inherits (coding-agent-loop-spec
 * §4.2 "Environment variable filtering").
 *
 * <p>By default everything is inherited except secrets: names ending in {@code _API_KEY}, {@code
 * _SECRET}, {@code _TOKEN}, {@code _PASSWORD} or {@code _CREDENTIAL}, compared case-insensitively.
 * We also remove {@code _CREDENTIALS}, {@code _SECRET_ACCESS_KEY} and {@code _PRIVATE_KEY} (an
 * extension: {@code AWS_SECRET_ACCESS_KEY} matches none of the spec's patterns). This keeps keys
 * out of the model's sight; it is a safety default, not a security boundary (Appendix C).
 *
 * @param inheritance which variables are candidates at all
 * @param filterSecrets whether secret-looking names are removed from the candidates
 */
public record EnvironmentPolicy(Inheritance inheritance, boolean filterSecrets) {

  /** The spec's three policies (§4.2). */
  public enum Inheritance {
    /** Every variable of the parent. */
    INHERIT_ALL,
    /** Only {@link #CORE_VARIABLES} (and {@code LC_*}). */
    CORE_ONLY,
    /** Nothing: the command sees only the variables passed with it. */
    NONE
  }

  /** Suffixes of secret variable names, upper case. */
  public static final List<String> SECRET_SUFFIXES =
      List.of(
          "_API_KEY",
          "_SECRET",
          "_TOKEN",
          "_PASSWORD",
          "_CREDENTIAL",
          "_CREDENTIALS",
          "_SECRET_ACCESS_KEY",
          "_PRIVATE_KEY");

  /** Variables a command needs to behave normally; kept by {@link Inheritance#CORE_ONLY}. */
  public static final Set<String> CORE_VARIABLES =
      Set.of(
          "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM", "TMPDIR", "TZ",
          "PWD", "GOPATH", "GOROOT", "GOCACHE", "CARGO_HOME", "RUSTUP_HOME", "NVM_DIR", "NODE_PATH",
          "PNPM_HOME", "JAVA_HOME", "MAVEN_HOME", "M2_HOME", "GRADLE_USER_HOME", "PYENV_ROOT",
          "VIRTUAL_ENV", "CONDA_PREFIX", "PYTHONPATH", "GEM_HOME", "BUNDLE_PATH", "DENO_DIR");

  public EnvironmentPolicy {
    Objects.requireNonNull(inheritance, "inheritance");
  }

  /** Inherit everything except secrets: the spec's default. */
  public static EnvironmentPolicy defaults() {
    return new EnvironmentPolicy(Inheritance.INHERIT_ALL, true);
  }

  public static EnvironmentPolicy coreOnly() {
    return new EnvironmentPolicy(Inheritance.CORE_ONLY, true);
  }

  public static EnvironmentPolicy none() {
    return new EnvironmentPolicy(Inheritance.NONE, true);
  }

  /** Whether {@code name} looks like a secret. */
  public static boolean isSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_SUFFIXES.stream().anyMatch(upper::endsWith);
  }

  /**
   * The environment of a command: the parent's variables this policy keeps, then {@code explicit}
   * on top (never filtered: the host chose to pass them).
   */
  public Map<String, String> apply(Map<String, String> parent, Map<String, String> explicit) {
    Map<String, String> result = new TreeMap<>();
    parent.forEach(
        (name, value) -> {
          if (inherits(name)) {
            result.put(name, value);
          }
        });
    result.putAll(explicit);
    return new LinkedHashMap<>(result);
  }

  private boolean inherits(String name) {
    boolean candidate =
        switch (inheritance) {
          case INHERIT_ALL -> true;
          case CORE_ONLY -> CORE_VARIABLES.contains(name) || name.startsWith("LC_");
          case NONE -> false;
        };
    return candidate && !(filterSecrets && isSecret(name));
  }
}
