package dev.darkfactory.cli.option;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.cli.UserException;
import java.util.List;

/** The {@code --pass-env NAME} option of {@code run}, {@code resume} and {@code agent}: names checked once, for both. */
public final class PassEnv {
  private PassEnv() {}

  /**
   * The names given, blank ones left out.
   *
   * @throws UserException when a name cannot be an environment variable's
   */
  public static List<String> names(List<String> given) {
    List<String> chosen = given.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    for (String name : chosen) {
      EnvironmentPolicy.nameProblem(name).ifPresent(problem -> {
        throw new UserException("--pass-env: " + problem);
      });
    }
    return chosen;
  }

  /** The allow-list plus {@link #names the names given}. */
  public static EnvironmentPolicy policy(List<String> given) {
    return EnvironmentPolicy.defaults().passing(names(given));
  }
}
