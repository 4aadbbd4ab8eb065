package dev.darkfactory.cli.option;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.cli.UserException;
import java.util.List;

/** The {@code --pass-env NAME} option of {@code run}, {@code resume} and {@code agent}: names checked once, for both. */
public final class PassEnv {
  private PassEnv() {}

  /**
   * The allow-list plus {@code names} (blank ones ignored).
   *
   * @throws UserException when a name cannot be an environment variable's
   */
  public static EnvironmentPolicy policy(List<String> names) {
    List<String> chosen = names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    for (String name : chosen) {
      EnvironmentPolicy.nameProblem(name).ifPresent(problem -> {
        throw new UserException("--pass-env: " + problem);
      });
    }
    return EnvironmentPolicy.defaults().passing(chosen);
  }
}
