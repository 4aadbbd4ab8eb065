package dev.darkfactory.agent.env.policy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which of the parent process's environment variables a process the engine starts inherits: agent
 * shell commands, tool nodes, tool hooks and the helper programs (ripgrep, Graphviz, bubblewrap).
 * One policy for all of them (coding-agent-loop-spec §4.2 "Environment variable filtering";
 * docs/agent.md "Environment variables").
 *
 * <p>The default inherits only {@link #CORE_VARIABLES} and {@code LC_*}, plus the variables named
 * with {@link #passing}: a variable nobody named never reaches a command, whatever it is called
 * ({@code AWS_ACCESS_KEY_ID}, {@code GH_PAT} and a {@code DATABASE_URL} with a password in it match
 * no secret pattern). The spec's default, everything but names that look secret, is {@link
 * #inheritAll()}. Variables a host passes with a command (the pipeline's {@code FACTORY_*} context
 * variables, a hook's {@code ATTRACTOR_*}) are set on top and never filtered.
 *
 * <p>This keeps secrets out of commands and the model's sight; it is not a boundary against a
 * command that goes looking for them (an unsandboxed command can read the engine's own {@code
 * /proc/<pid>/environ}).
 *
 * @param inheritance which variables of the parent are candidates
 * @param passed names inherited on top of those, when the parent has them (exact, case-sensitive)
 */
public record EnvironmentPolicy(Inheritance inheritance, Set<String> passed) {

  /** The spec's three policies (§4.2). */
  public enum Inheritance {
    /** Every variable of the parent except those that {@link #looksSecret look secret}. */
    INHERIT_ALL,
    /** Only {@link #CORE_VARIABLES} and {@code LC_*}: the default. */
    CORE_ONLY,
    /** Nothing: the command sees only what is passed. */
    NONE
  }

  /**
   * Variables a command needs to behave normally: where programs, the home and temporary files
   * are, the user, the locale and terminal, the time zone, and the usual toolchain locations. None
   * of them holds a credential by convention.
   */
  public static final Set<String> CORE_VARIABLES =
      Set.of(
          "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM", "TZ", "TMPDIR", "JAVA_HOME",
          "MAVEN_HOME", "M2_HOME", "GRADLE_USER_HOME", "GOPATH", "GOROOT", "GOCACHE", "CARGO_HOME", "RUSTUP_HOME",
          "NVM_DIR", "NODE_PATH", "PNPM_HOME", "PYENV_ROOT", "VIRTUAL_ENV", "CONDA_PREFIX", "PYTHONPATH", "GEM_HOME",
          "BUNDLE_PATH", "DENO_DIR");

  /** Suffixes of secret variable names, upper case: the spec's five and ours (used by {@link Inheritance#INHERIT_ALL}). */
  public static final List<String> SECRET_SUFFIXES =
      List.of(
          "_API_KEY", "_SECRET", "_TOKEN", "_PASSWORD", "_CREDENTIAL", // §4.2
          "_CREDENTIALS", "_SECRET_ACCESS_KEY", "_PRIVATE_KEY", "_ACCESS_KEY", "_ACCESS_KEY_ID", "_PAT", "_PASSWD");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** {@code scheme://user:password@host}: a URL carrying a password, whatever the variable is called. */
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?s)^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*:[^/@\\s]+@.*");

  public EnvironmentPolicy {
    Objects.requireNonNull(inheritance, "inheritance");
    passed = Set.copyOf(passed);
    passed.forEach(name -> nameProblem(name).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    }));
  }

  /** The allow-list only: {@link #CORE_VARIABLES} and {@code LC_*}. */
  public static EnvironmentPolicy defaults() {
    return new EnvironmentPolicy(Inheritance.CORE_ONLY, Set.of());
  }

  /** The spec's default: everything except variables that look secret. */
  public static EnvironmentPolicy inheritAll() {
    return new EnvironmentPolicy(Inheritance.INHERIT_ALL, Set.of());
  }

  /** Nothing inherited but what is passed. */
  public static EnvironmentPolicy none() {
    return new EnvironmentPolicy(Inheritance.NONE, Set.of());
  }

  /**
   * This policy, also inheriting {@code names} (from the pipeline's or the host's configuration).
   *
   * @throws IllegalArgumentException when one is not a variable name ({@link #nameProblem})
   */
  public EnvironmentPolicy passing(Collection<String> names) {
    Set<String> more = new LinkedHashSet<>(passed);
    more.addAll(names);
    return new EnvironmentPolicy(inheritance, more);
  }

  /** Why {@code name} cannot name a variable to pass, if it cannot: letters, digits and {@code _}, not starting with a digit. */
  public static Optional<String> nameProblem(String name) {
    if (name != null && NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of("'" + name + "' is not an environment variable name: use letters, digits and _, not starting with a digit");
  }

  /** Whether a variable's name ends like a secret's ({@link #SECRET_SUFFIXES}, case-insensitive). */
  public static boolean isSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_SUFFIXES.stream().anyMatch(upper::endsWith);
  }

  /** Whether a variable looks secret by its name, or by its value: a URL with a password ({@code postgres://app:pw@db/app}). */
  public static boolean looksSecret(String name, String value) {
    return isSecret(name) || URL_WITH_PASSWORD.matcher(value).matches();
  }

  /**
   * The environment of a process: the parent's variables this policy inherits, then {@code
   * explicit} on top (never filtered: the host chose to pass them). Sorted by name.
   */
  public Map<String, String> apply(Map<String, String> parent, Map<String, String> explicit) {
    Map<String, String> result = new TreeMap<>();
    parent.forEach((name, value) -> {
      if (passed.contains(name) || inherits(name, value)) {
        result.put(name, value);
      }
    });
    result.putAll(explicit);
    return result;
  }

  /**
   * Gives {@code builder} the environment of {@link #apply} over the one it would inherit (this
   * process's), for processes started without a runner.
   */
  public ProcessBuilder applyTo(ProcessBuilder builder, Map<String, String> explicit) {
    Map<String, String> environment = builder.environment();
    Map<String, String> chosen = apply(Map.copyOf(environment), explicit);
    environment.clear();
    environment.putAll(chosen);
    return builder;
  }

  private boolean inherits(String name, String value) {
    return switch (inheritance) {
      case INHERIT_ALL -> !looksSecret(name, value);
      case CORE_ONLY -> CORE_VARIABLES.contains(name) || name.startsWith("LC_");
      case NONE -> false;
    };
  }
}
